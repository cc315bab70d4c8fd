/**
 * Outlook.com (Hotmail, Live, MSN) and Microsoft 365. Sources: Microsoft "POP, IMAP, and SMTP
 * settings for Outlook.com", Thunderbird ISPDB (hotmail.com, office365.com), FairEmail FAQ 14/139,
 * the Exchange team blog on SMTP AUTH (MC786329). Password logins are gone: Outlook.com since
 * 2024-09-16 (app passwords included), Microsoft 365 IMAP/POP since 2022-10-01.
 */
import type { Provider } from '../types.ts';
import type { AuthMethod } from '../../model.ts';
import { FULL_ADDRESS, defineProvider, guide, server } from './build.ts';

// OAuth2 only (ISPDB hotmail.com/office365.com: `<authentication>OAuth2` alone): never offered
// for a password login; Thunderbird profiles sign in with Microsoft's page.
const OAUTH2: AuthMethod[] = ['oauth2'];
const IMAP = server('imap', 'outlook.office365.com', 993, 'tls', FULL_ADDRESS, OAUTH2);
const POP3 = server('pop3', 'outlook.office365.com', 995, 'tls', FULL_ADDRESS, OAUTH2);
const HELP =
  'https://support.microsoft.com/en-us/office/pop-imap-and-smtp-settings-8361e398-8af4-4e97-b147-6c6c4ac95353';

/** The consumer domains, as the Thunderbird ISPDB lists them (hotmail.com.xml, 2026-03). */
const CONSUMER_DOMAINS = [
  'hotmail.com',
  'live.com',
  'msn.com',
  'outlook.com',
  'windowslive.com',
  'outlook.at',
  'outlook.be',
  'outlook.cl',
  'outlook.cz',
  'outlook.de',
  'outlook.dk',
  'outlook.es',
  'outlook.fr',
  'outlook.hu',
  'outlook.ie',
  'outlook.in',
  'outlook.it',
  'outlook.jp',
  'outlook.kr',
  'outlook.lv',
  'outlook.my',
  'outlook.ph',
  'outlook.pt',
  'outlook.sa',
  'outlook.sg',
  'outlook.sk',
  'outlook.co.id',
  'outlook.co.il',
  'outlook.co.th',
  'outlook.com.ar',
  'outlook.com.au',
  'outlook.com.br',
  'outlook.com.gr',
  'outlook.com.tr',
  'outlook.com.vn',
  'hotmail.be',
  'hotmail.ca',
  'hotmail.cl',
  'hotmail.cz',
  'hotmail.de',
  'hotmail.dk',
  'hotmail.es',
  'hotmail.fi',
  'hotmail.fr',
  'hotmail.gr',
  'hotmail.hu',
  'hotmail.it',
  'hotmail.lt',
  'hotmail.lv',
  'hotmail.my',
  'hotmail.nl',
  'hotmail.no',
  'hotmail.ph',
  'hotmail.rs',
  'hotmail.se',
  'hotmail.sg',
  'hotmail.sk',
  'hotmail.co.id',
  'hotmail.co.il',
  'hotmail.co.in',
  'hotmail.co.jp',
  'hotmail.co.kr',
  'hotmail.co.th',
  'hotmail.co.uk',
  'hotmail.co.za',
  'hotmail.com.ar',
  'hotmail.com.au',
  'hotmail.com.br',
  'hotmail.com.hk',
  'hotmail.com.tr',
  'hotmail.com.tw',
  'hotmail.com.vn',
  'live.at',
  'live.be',
  'live.ca',
  'live.cl',
  'live.cn',
  'live.de',
  'live.dk',
  'live.fi',
  'live.fr',
  'live.hk',
  'live.ie',
  'live.in',
  'live.it',
  'live.jp',
  'live.nl',
  'live.no',
  'live.ru',
  'live.se',
  'live.co.jp',
  'live.co.kr',
  'live.co.uk',
  'live.co.za',
  'live.com.ar',
  'live.com.au',
  'live.com.mx',
  'live.com.my',
  'live.com.ph',
  'live.com.pt',
  'live.com.sg',
  'livemail.tw',
  'olc.protection.outlook.com',
];

export const OUTLOOK: Provider = defineProvider({
  id: 'outlook',
  name: 'Outlook.com',
  domains: CONSUMER_DOMAINS,
  // Consumer domains receive at <domain>.olc.protection.outlook.com.
  mxPatterns: ['olc.protection.outlook.com'],
  incoming: [IMAP, POP3],
  outgoing: [server('smtp', 'smtp-mail.outlook.com', 587, 'starttls', FULL_ADDRESS, OAUTH2)],
  auth: { appPassword: 'none', oauthOnly: true, servicesMustBeEnabled: ['imap', 'pop3'] },
  helpUrl: HELP,
  guides: [
    guide('outlook', 'oauth-only', 3, { url: HELP }),
    guide('outlook', 'enable-imap', 2, { url: HELP }),
    guide('outlook', 'username-form', 1),
  ],
});

export const MICROSOFT_365: Provider = defineProvider({
  id: 'microsoft-365',
  name: 'Microsoft 365',
  domains: [],
  domainSuffixes: ['onmicrosoft.com'],
  // Microsoft 365 docs: SPF include:spf.protection.outlook.com, DKIM selectors selector1/selector2.
  dns: { spfInclude: 'spf.protection.outlook.com', dkimSelectors: ['selector1', 'selector2'] },
  // Tenants' custom domains receive at <domain>.mail.protection.outlook.com.
  mxPatterns: ['mail.protection.outlook.com'],
  incoming: [IMAP, POP3],
  outgoing: [server('smtp', 'smtp.office365.com', 587, 'starttls', FULL_ADDRESS, OAUTH2)],
  auth: { appPassword: 'none', oauthOnly: true, servicesMustBeEnabled: ['imap', 'pop3', 'smtp'] },
  helpUrl: HELP,
  guides: [
    guide('microsoft-365', 'oauth-only', 2, { url: HELP }),
    guide('microsoft-365', 'enable-imap', 2, {
      url: 'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
    }),
    guide('microsoft-365', 'username-form', 2),
  ],
});
