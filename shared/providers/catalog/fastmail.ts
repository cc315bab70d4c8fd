/**
 * Fastmail. Sources: Thunderbird ISPDB (messagingengine.com), DeltaChat provider-db, Fastmail help
 * on app passwords. Every third-party program needs its own app password, 2FA or not.
 */
import type { Provider } from '../types.ts';
import { defineProvider, guide, server } from './build.ts';

const APP_PASSWORDS = 'https://www.fastmail.com/help/clients/apppassword.html';

export const FASTMAIL: Provider = defineProvider({
  id: 'fastmail',
  name: 'Fastmail',
  // About 110 more domains exist (fastmail.com/about/ourdomains/); custom domains match by MX.
  domains: ['fastmail.com', 'fastmail.fm', 'fastmail.de', '123mail.org', 'sent.com'],
  mxPatterns: ['messagingengine.com'],
  // Fastmail's custom-domain help: SPF include:spf.messagingengine.com, DKIM fm1/fm2/fm3.
  dns: { spfInclude: 'spf.messagingengine.com', dkimSelectors: ['fm1', 'fm2', 'fm3'] },
  incoming: [
    server('imap', 'imap.fastmail.com', 993, 'tls'),
    server('pop3', 'pop.fastmail.com', 995, 'tls'),
  ],
  // 587 STARTTLS works but Fastmail discourages it.
  outgoing: [
    server('smtp', 'smtp.fastmail.com', 465, 'tls'),
    server('smtp', 'smtp.fastmail.com', 587, 'starttls'),
  ],
  auth: { appPassword: 'required' },
  helpUrl: APP_PASSWORDS,
  appPasswordUrl: APP_PASSWORDS,
  guides: [
    guide('fastmail', 'app-password', 4, { url: APP_PASSWORDS }),
    guide('fastmail', 'username-form', 1),
    guide('fastmail', 'service-note', 1),
  ],
});
