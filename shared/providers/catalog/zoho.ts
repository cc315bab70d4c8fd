/**
 * Zoho Mail, one pair of entries per data centre: personal addresses (imap.zoho.*) and
 * organisation (custom) domains (imappro.zoho.*), the latter recognised by MX (mx.zoho.*).
 * Sources: Thunderbird ISPDB (zoho.com, zoho.eu, ...), Zoho help on IMAP access and app-specific
 * passwords. The .jp and zohocloud.ca data centres are left out: their host names are not in our
 * sources.
 */
import type { Provider } from '../types.ts';
import { defineProvider, guide, server, sharedGuide } from './build.ts';

function zoho(region: string, tld: string, personalDomains: string[]): Provider[] {
  const suffix = region === 'com' ? '' : `-${region}`;
  const entry = (id: string, business: boolean): Provider =>
    defineProvider({
      id,
      name: business ? `Zoho Mail (${tld}, organisation)` : `Zoho Mail (${tld})`,
      domains: business ? [] : personalDomains,
      mxPatterns: business ? [`zoho.${tld}`] : [],
      incoming: [
        server('imap', `${business ? 'imappro' : 'imap'}.zoho.${tld}`, 993, 'tls'),
        // Unverified: poppro.* for organisations follows the imappro/smtppro naming.
        server('pop3', `${business ? 'poppro' : 'pop'}.zoho.${tld}`, 995, 'tls'),
      ],
      outgoing: [
        server('smtp', `${business ? 'smtppro' : 'smtp'}.zoho.${tld}`, 465, 'tls'),
        server('smtp', `${business ? 'smtppro' : 'smtp'}.zoho.${tld}`, 587, 'starttls'),
      ],
      auth: { appPassword: 'with-2fa', servicesMustBeEnabled: ['imap', 'pop3'] },
      helpUrl: 'https://www.zoho.com/mail/help/imap-access.html',
      appPasswordUrl:
        'https://help.zoho.com/portal/en/kb/solo/communication/settings/articles/how-to-generate-app-specific-password',
      guides: [
        guide('zoho', 'enable-imap', 3, { url: 'https://www.zoho.com/mail/help/imap-access.html' }),
        sharedGuide('username-full', 'username-form', 1),
        guide('zoho', 'app-password', 3, {
          url: 'https://help.zoho.com/portal/en/kb/solo/communication/settings/articles/how-to-generate-app-specific-password',
        }),
      ],
    });
  // One summary sentence for all data centres.
  return [
    { ...entry(`zoho${suffix}`, false), notes: ['zoho.summary'] },
    { ...entry(`zoho${suffix}-business`, true), notes: ['zoho.summary-business'] },
  ];
}

export const ZOHO: Provider[] = [
  ...zoho('com', 'com', ['zoho.com', 'zohomail.com']),
  ...zoho('eu', 'eu', ['zoho.eu', 'zohomail.eu']),
  ...zoho('in', 'in', ['zoho.in', 'zohomail.in']),
  ...zoho('au', 'com.au', ['zoho.com.au', 'zohomail.com.au']),
];
