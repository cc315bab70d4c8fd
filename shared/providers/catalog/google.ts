/**
 * Gmail and Google Workspace. Sources: Thunderbird ISPDB (googlemail.com), Google help on app
 * passwords (support.google.com/accounts/answer/185833) and Workspace IMAP access
 * (support.google.com/a/answer/10547014); FairEmail FAQ 6 for the error texts.
 */
import type { Provider } from '../types.ts';
import {
  FULL_ADDRESS,
  OAUTH2_OR_PASSWORD,
  defineProvider,
  guide,
  server,
  sharedGuide,
} from './build.ts';
import { OAUTH2_SIGN_IN } from './oauth2.ts';

// ISPDB googlemail.com: OAuth2, then password-cleartext (an app password) on every server.
const OAUTH = OAUTH2_OR_PASSWORD;
const INCOMING = [
  server('imap', 'imap.gmail.com', 993, 'tls', FULL_ADDRESS, OAUTH),
  server('pop3', 'pop.gmail.com', 995, 'tls', FULL_ADDRESS, OAUTH),
];
const OUTGOING = [
  server('smtp', 'smtp.gmail.com', 465, 'tls', FULL_ADDRESS, OAUTH),
  server('smtp', 'smtp.gmail.com', 587, 'starttls', FULL_ADDRESS, OAUTH),
];
const APP_PASSWORD_URL = 'https://support.google.com/accounts/answer/185833';
const APP_PASSWORD = guide('gmail', 'app-password', 5, { url: APP_PASSWORD_URL });

export const GMAIL: Provider = defineProvider({
  id: 'gmail',
  name: 'Gmail',
  domains: ['gmail.com', 'googlemail.com'],
  // Google-hosted custom domains are Workspace (below); personal addresses match by domain.
  mxPatterns: [],
  incoming: INCOMING,
  outgoing: OUTGOING,
  // Without OAuth, Google accepts only app passwords (which need 2-Step Verification).
  auth: { appPassword: 'required', webLoginUrl: 'https://mail.google.com/' },
  helpUrl: 'https://support.google.com/mail/answer/7126229',
  appPasswordUrl: APP_PASSWORD_URL,
  guides: [
    OAUTH2_SIGN_IN,
    sharedGuide('username-full', 'username-form', 1),
    APP_PASSWORD,
    guide('gmail', 'service-note', 2, { url: 'https://support.google.com/mail/answer/78754' }),
  ],
});

export const GOOGLE_WORKSPACE: Provider = defineProvider({
  id: 'google-workspace',
  name: 'Google Workspace',
  domains: [],
  // aspmx.l.google.com, alt1.aspmx.l.google.com, smtp.google.com; older aspmx2.googlemail.com.
  mxPatterns: ['google.com', 'googlemail.com'],
  incoming: INCOMING,
  outgoing: OUTGOING,
  auth: {
    appPassword: 'required',
    servicesMustBeEnabled: ['imap', 'pop3'],
    webLoginUrl: 'https://mail.google.com/',
  },
  helpUrl: 'https://support.google.com/a/answer/10547014',
  // Google Workspace admin help: SPF include:_spf.google.com, default DKIM selector 'google'.
  dns: { spfInclude: '_spf.google.com', dkimSelectors: ['google'] },
  appPasswordUrl: APP_PASSWORD_URL,
  guides: [
    OAUTH2_SIGN_IN,
    guide('google-workspace', 'enable-imap', 2, {
      url: 'https://support.google.com/a/answer/10547014',
    }),
    sharedGuide('username-full', 'username-form', 1),
    APP_PASSWORD,
    guide('gmail', 'service-note', 2, { url: 'https://support.google.com/mail/answer/78754' }),
  ],
});
