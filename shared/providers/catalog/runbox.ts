/**
 * Runbox. Sources: help.runbox.com (email program settings, usernames and passwords, account
 * security, common sending errors) and the legacy SMTP page (seed), which names ports 25/26/587.
 */
import type { Provider } from '../types.ts';
import { FULL_ADDRESS, LOCAL_PART, defineProvider, guide, server } from './build.ts';

const HOST = 'mail.runbox.com';

export const RUNBOX: Provider = defineProvider({
  id: 'runbox',
  name: 'Runbox',
  // The full list of Runbox domains is under Account > Aliases; these are the documented ones.
  domains: [
    'runbox.com',
    'runbox.no',
    'runbox.us',
    'runbox.eu',
    'rbx.run',
    'rbx.email',
    'offshore.rocks',
    'mailhouse.biz',
  ],
  // Unverified: hosted domains point their MX at mx.runbox.com (the host name is not in the
  // stored help pages).
  mxPatterns: ['runbox.com'],
  incoming: [server('imap', HOST, 993, 'tls'), server('pop3', HOST, 995, 'tls')],
  // 465/587 from the current settings page; 25 and 26 from the legacy SMTP page, which names
  // smtp.runbox.com / secure.runbox.com (older names of the same service).
  outgoing: [
    server('smtp', HOST, 465, 'tls'),
    server('smtp', HOST, 587, 'starttls'),
    server('smtp', HOST, 26, 'starttls'),
    server('smtp', HOST, 25, 'starttls'),
  ],
  // Runbox addresses: the user name or the full address. Own domains: the help pages conflict
  // (full address vs `local%domain`); the SMTP page (seed) says hosted domains log in as
  // `username%yourdomain.com`, and so does the email-program settings page: `local%domain`
  // first, then the full address.
  usernameVariants: [LOCAL_PART],
  customDomainUsername: '%EMAILLOCALPART%%%EMAILDOMAIN%',
  customDomainUsernameVariants: [FULL_ADDRESS],
  auth: { appPassword: 'with-2fa' },
  helpUrl: 'https://help.runbox.com/email-program-settings/',
  appPasswordUrl: 'https://help.runbox.com/more-about-two-factor-authentication-and-app-passwords/',
  guides: [
    guide('runbox', 'username-form', 3, {
      url: 'https://help.runbox.com/usernames-and-passwords/',
    }),
    guide('runbox', 'app-password', 4, { url: 'https://help.runbox.com/account-security/' }),
    guide('runbox', 'service-note', 3, {
      url: 'https://help.runbox.com/common-errors-when-sending-mail-through-an-email-client/',
    }),
    guide('runbox', 'sender-rule', 3, {
      url: 'https://help.runbox.com/common-errors-when-sending-mail-through-an-email-client/',
    }),
    guide('runbox', 'smtp-ports', 2, { url: 'https://help.runbox.com/email-program-settings/' }),
  ],
});
