/**
 * Provider knowledge applied to a failed login: the server's own words (research notes §2) and
 * what is known about the provider sharpen the engine's generic reason. Many servers say the same
 * thing for a wrong password, a missing app password and a switched-off IMAP; those stay
 * 'wrong-credentials' and the guidance (see guidance.ts) picks the hint.
 */
import { TRANSPORT_REASONS, type VerifyReason } from '../codes.ts';
import type { Provider } from './types.ts';

/** Longest server text looked at; replies are short, anything beyond is noise. */
const MAX_TEXT = 2000;

interface TextRule {
  pattern: RegExp;
  reason: VerifyReason | 'keep';
  /** Only for these provider ids (when the string is known only from them). */
  providers?: string[];
}

/** First match wins; order follows the research notes' suggested classification order. */
const RULES: readonly TextRule[] = [
  // Microsoft 365: the tenant or mailbox has SMTP AUTH switched off; an admin can switch it on.
  { pattern: /SmtpClientAuthentication is disabled/i, reason: 'service-disabled' },
  // Microsoft: password logins switched off, OAuth needed.
  {
    pattern:
      /basic authentication is (?:disabled|not supported)|BasicAuthBlocked|\b5\.7\.139\b|\b5\.7\.30\b/i,
    reason: 'oauth-only',
  },
  // Gmail IMAP "[ALERT] Application-specific password required", SMTP "534-5.7.9 ...".
  {
    pattern: /application-specific password required|InvalidSecondFactor|\b5\.7\.9\b/i,
    reason: 'app-password-required',
  },
  // Yahoo/AOL: the account password was used where an app password is needed (FairEmail FAQ 22).
  {
    pattern: /too many bad auth attempts/i,
    reason: 'app-password-required',
    providers: ['yahoo', 'aol'],
  },
  // T-Online: the web login password used instead of the "Passwort für E-Mail-Programme"
  // (reported by a blog, a secondary source).
  {
    pattern: /toid authentication disabled/i,
    reason: 'app-password-required',
    providers: ['t-online'],
  },
  // Outlook "Account is blocked. Login to your account via a web browser ...", Yandex lockout.
  {
    pattern: /account is blocked|temporarily restricted|login to your account via a web browser/i,
    reason: 'account-locked',
  },
  // Gmail "Please log in via your web browser", "[WEBALERT ...] Web login required", 534-5.7.14.
  {
    pattern: /log ?in via your web ?browser|web login required|\[WEBALERT|\b5\.7\.14\b/i,
    reason: 'web-login-required',
  },
  // Yandex says one sentence for both causes: leave the reason, the guidance covers both.
  { pattern: /invalid credentials or IMAP is disabled/i, reason: 'keep' },
  {
    pattern:
      /not enabled for IMAP|IMAP access is disabled|IMAP is disabled|IMAP access is not allowed|User is authenticated but not connected/i,
    reason: 'service-disabled',
  },
  {
    pattern:
      /too many simultaneous connections|maximum number of connections|too many concurrent connections|account is temporarily unavailable|login rate limit hit|too many bad auth attempts/i,
    reason: 'too-many-connections',
  },
  // mailbox.org/Postfix "Sender address rejected: not owned by user", Yandex "... auth user",
  // Runbox "550 Invalidated From address".
  {
    pattern: /sender address rejected|not owned by (?:auth )?user|invalidated from address/i,
    reason: 'sender-rejected',
  },
];

/** Reasons an OAuth-only provider turns into 'oauth-only': a password cannot work there. */
const PASSWORD_REASONS: ReadonlySet<VerifyReason> = new Set<VerifyReason>([
  'wrong-credentials',
  'app-password-required',
  'auth-mechanism-unsupported',
  'unknown',
]);

/**
 * Sharpens a generic failure with the server's words and the provider's known behaviour. Returns
 * the reason unchanged when nothing more is known (e.g. Gmail's plain "Invalid credentials"
 * stays 'wrong-credentials'; guidanceFor then puts the app-password steps first).
 */
export function likelyReason(
  provider: Provider | undefined,
  reason: VerifyReason,
  serverText: string,
): VerifyReason {
  if (TRANSPORT_REASONS.has(reason)) return reason;
  const text = serverText.slice(0, MAX_TEXT);
  for (const rule of RULES) {
    if (rule.providers && !(provider && rule.providers.includes(provider.id))) continue;
    if (!rule.pattern.test(text)) continue;
    if (rule.reason !== 'keep') return rule.reason;
    break;
  }
  if (provider?.auth.oauthOnly && PASSWORD_REASONS.has(reason)) return 'oauth-only';
  return reason;
}
