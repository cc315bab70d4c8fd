/**
 * Outlook.com (Hotmail, Live, MSN) and Microsoft 365. Sources: Microsoft "POP, IMAP, and SMTP
 * settings for Outlook.com", Thunderbird ISPDB (hotmail.com, office365.com), FairEmail FAQ 14/139,
 * the Exchange team blog on SMTP AUTH (MC786329). Password logins are gone: Outlook.com since
 * 2024-09-16 (app passwords included), Microsoft 365 IMAP/POP since 2022-10-01.
 */
import type { Provider } from '../types.ts';
import { defineProvider, guide, server } from './build.ts';

const IMAP = server('imap', 'outlook.office365.com', 993, 'tls');
const POP3 = server('pop3', 'outlook.office365.com', 995, 'tls');
const HELP =
  'https://support.microsoft.com/en-us/office/pop-imap-and-smtp-settings-8361e398-8af4-4e97-b147-6c6c4ac95353';

/** The common consumer domains; the ISPDB lists about 100, the MX pattern catches the rest. */
const CONSUMER_DOMAINS = [
  'outlook.com',
  'outlook.de',
  'outlook.at',
  'outlook.fr',
  'outlook.es',
  'outlook.it',
  'outlook.co.uk',
  'hotmail.com',
  'hotmail.de',
  'hotmail.co.uk',
  'hotmail.fr',
  'hotmail.it',
  'hotmail.es',
  'live.com',
  'live.de',
  'live.at',
  'live.co.uk',
  'live.fr',
  'live.it',
  'msn.com',
  'windowslive.com',
];

export const OUTLOOK: Provider = defineProvider({
  id: 'outlook',
  name: 'Outlook.com',
  domains: CONSUMER_DOMAINS,
  // Consumer domains receive at <domain>.olc.protection.outlook.com.
  mxPatterns: ['olc.protection.outlook.com'],
  incoming: [IMAP, POP3],
  outgoing: [server('smtp', 'smtp-mail.outlook.com', 587, 'starttls')],
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
  outgoing: [server('smtp', 'smtp.office365.com', 587, 'starttls')],
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
