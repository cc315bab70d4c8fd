/**
 * onOffice enterprise (real-estate CRM) mailboxes. Source: onOffice help "Neues Postfach anlegen"
 * (seed page). The help names the host names only; ports and TLS modes are unverified, so the
 * standard implicit-TLS and STARTTLS ports are listed and the probe decides.
 */
import type { Provider } from '../types.ts';
import { defineProvider, guide, server } from './build.ts';

const HELP =
  'https://de.enterprisehilfe.onoffice.com/help_entries/grundeinstellungen/e-mail/neues-postfach-anlegen/';

export const ONOFFICE: Provider = defineProvider({
  id: 'onoffice',
  name: 'onOffice',
  // A mailbox needs a domain at onOffice; customers' domains are recognised through their MX.
  domains: [],
  // Unverified: assumes the MX of onOffice-hosted domains lies under onoffice.de, like the
  // mail servers named in the help.
  mxPatterns: ['onoffice.de'],
  incoming: [
    server('imap', 'imap.onoffice.de', 993, 'tls'),
    server('imap', 'imap.onoffice.de', 143, 'starttls'),
    server('pop3', 'pop3.onoffice.de', 995, 'tls'),
    server('pop3', 'pop3.onoffice.de', 110, 'starttls'),
  ],
  outgoing: [
    server('smtp', 'smtp.onoffice.de', 465, 'tls'),
    server('smtp', 'smtp.onoffice.de', 587, 'starttls'),
  ],
  auth: { appPassword: 'none' },
  helpUrl: HELP,
  guides: [
    guide('onoffice', 'username-form', 1, { url: HELP }),
    guide('onoffice', 'mailbox-password', 4, { url: HELP }),
    guide('onoffice', 'service-note', 1, { url: HELP }),
  ],
});
