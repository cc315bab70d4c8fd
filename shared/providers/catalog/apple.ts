/**
 * iCloud Mail. Sources: Thunderbird ISPDB (me.com), Apple support 102654 (app-specific
 * passwords), FairEmail FAQ 148 (aliases cannot log in). iCloud offers no POP3.
 */
import type { Provider } from '../types.ts';
import { FULL_ADDRESS, LOCAL_PART, defineProvider, guide, server } from './build.ts';

const APP_PASSWORD_URL = 'https://support.apple.com/102654';

export const ICLOUD: Provider = defineProvider({
  id: 'icloud',
  name: 'iCloud Mail',
  domains: ['icloud.com', 'me.com', 'mac.com'],
  // iCloud+ custom domains receive at mx01/mx02.mail.icloud.com.
  mxPatterns: ['mail.icloud.com'],
  // The ISPDB gives the local part for IMAP; third-party guides report the full address works too.
  incoming: [server('imap', 'imap.mail.me.com', 993, 'tls', LOCAL_PART)],
  outgoing: [server('smtp', 'smtp.mail.me.com', 587, 'starttls', FULL_ADDRESS)],
  usernameVariants: [FULL_ADDRESS, LOCAL_PART],
  auth: { appPassword: 'required', webLoginUrl: 'https://www.icloud.com/mail' },
  appPasswordUrl: APP_PASSWORD_URL,
  guides: [
    guide('icloud', 'app-password', 4, { url: APP_PASSWORD_URL }),
    guide('icloud', 'username-form', 2),
  ],
});
