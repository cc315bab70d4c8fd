/**
 * Fastmail. Sources: Thunderbird ISPDB (messagingengine.com), DeltaChat provider-db, Fastmail help
 * on app passwords. Every third-party program needs its own app password, 2FA or not, unless
 * it signs in with OAuth2 (the ISPDB lists OAuth2 first; Thunderbird does).
 */
import type { Provider } from '../types.ts';
import { FULL_ADDRESS, OAUTH2_OR_PASSWORD, defineProvider, guide, server } from './build.ts';
import { OAUTH2_SIGN_IN } from './oauth2.ts';

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
    server('imap', 'imap.fastmail.com', 993, 'tls', FULL_ADDRESS, OAUTH2_OR_PASSWORD),
    server('pop3', 'pop.fastmail.com', 995, 'tls', FULL_ADDRESS, OAUTH2_OR_PASSWORD),
  ],
  // 587 STARTTLS works but Fastmail discourages it.
  outgoing: [
    server('smtp', 'smtp.fastmail.com', 465, 'tls', FULL_ADDRESS, OAUTH2_OR_PASSWORD),
    server('smtp', 'smtp.fastmail.com', 587, 'starttls', FULL_ADDRESS, OAUTH2_OR_PASSWORD),
  ],
  auth: { appPassword: 'required' },
  helpUrl: APP_PASSWORDS,
  appPasswordUrl: APP_PASSWORDS,
  guides: [
    OAUTH2_SIGN_IN,
    guide('fastmail', 'app-password', 4, { url: APP_PASSWORDS }),
    guide('fastmail', 'username-form', 1),
    guide('fastmail', 'service-note', 1),
  ],
});
