/**
 * Turns a failed login (or sender check) into one stable reason code. Pure: no I/O, no provider
 * lookups. The order follows what reference clients do (see research/providers.md §2.6): network
 * and TLS trouble first (the server never answered the login), then the server's own words from
 * most to least specific, then the protocol's generic "authentication failed" signals. Providers
 * that answer a missing app password with a plain "wrong password" are handled afterwards, with
 * provider knowledge (`likelyReason` in shared/providers), not here.
 */
import type { Protocol } from '../../../shared/model.ts';
import type { VerifyReason } from '../../../shared/codes.ts';

/** Where in the session the failure happened. */
export type VerifyPhase = 'connect' | 'tls' | 'greeting' | 'auth' | 'sender';

export interface FailureFacts {
  protocol: Protocol;
  phase: VerifyPhase;
  /** Machine code of the error: Node's (`ECONNREFUSED`, `CERT_HAS_EXPIRED`) or a library's. */
  code?: string;
  /** What the server said (reply line or text), verbatim. */
  serverText?: string;
  /** Response code in brackets: IMAP (RFC 5530) `AUTHENTICATIONFAILED`, POP3 (RFC 3206) `IN-USE`. */
  responseCode?: string;
  /** SMTP reply code, e.g. 535. */
  replyCode?: number;
}

/** Node's certificate verification failures: the peer answered, its certificate is not trusted. */
const CERT_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
  'INVALID_CA',
]);

const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'ETIMEOUT',
  'TIMEOUT',
  'CONNECT_TIMEOUT',
  'GREETING_TIMEOUT',
  'UPGRADE_TIMEOUT',
  'ABORT_ERR',
  'timeout',
]);

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
  'EDNS',
  'refused',
  'unreachable',
  'host-unresolved',
]);

/** Words of a server refusing the sender address (Postfix, mailbox.org, Yandex, Runbox). */
const SENDER_REFUSAL =
  /sender address rejected|not owned by (auth )?user|invalidated from address|sender (is )?not (allowed|authorized|permitted)/i;

/** Whether a reply refuses the sender address (rather than, say, the recipient). */
export function isSenderRefusal(text: string): boolean {
  return SENDER_REFUSAL.test(text);
}

/** Text signals, most specific first. Matched case-insensitively against the server's words. */
const TEXT_RULES: ReadonlyArray<readonly [RegExp, VerifyReason]> = [
  [
    /basic auth(entication)? is (disabled|not supported)|BasicAuthBlocked|5\.7\.139|5\.7\.30\b|SmtpClientAuthentication is disabled|OAUTH2? (is )?required/i,
    'oauth-only',
  ],
  [
    /application-specific password|app(lication)? password (is )?required|InvalidSecondFactor|\b5\.7\.9\b|anwendungsspezifische/i,
    'app-password-required',
  ],
  [
    /WEBALERT|web login required|log ?in via your web browser|login to your account via a web browser|\b5\.7\.14\b/i,
    'web-login-required',
  ],
  [
    /account (is )?(blocked|locked|suspended|disabled)|temporarily restricted|too many (bad|failed) (auth|login)|login rate limit|locked out|gesperrt/i,
    'account-locked',
  ],
  [
    /not enabled for (IMAP|POP3?|SMTP)|(IMAP|POP3?|SMTP)( access)? is (disabled|not allowed|not enabled)|(IMAP|POP3?|SMTP) (access )?(has been )?disabled|user is authenticated but not connected|ServiceDisabled|toid authentication disabled/i,
    'service-disabled',
  ],
  [
    /too many (simultaneous|concurrent|parallel)? ?connections|maximum number of connections|connection limit/i,
    'too-many-connections',
  ],
  [SENDER_REFUSAL, 'sender-rejected'],
  [
    /unrecognized authentication type|authentication mechanism (is )?(not supported|unsupported|too weak)|encryption required for requested authentication|LOGINDISABLED|plaintext authentication disallowed/i,
    'auth-mechanism-unsupported',
  ],
  [
    /\b(unknown|no such|invalid) user\b(?! ?(name )?(or|and))|user (not found|unknown|does not exist)/i,
    'username-format',
  ],
];

/** Response codes that decide on their own: IMAP (RFC 5530) and POP3 (RFC 2449/3206). */
const RESPONSE_CODES: Record<string, VerifyReason> = {
  PRIVACYREQUIRED: 'auth-mechanism-unsupported',
  LIMIT: 'too-many-connections',
  UNAVAILABLE: 'unreachable',
  EXPIRED: 'web-login-required',
  CONTACTADMIN: 'account-locked',
  AUTHENTICATIONFAILED: 'wrong-credentials',
  AUTHORIZATIONFAILED: 'wrong-credentials',
  'IN-USE': 'too-many-connections',
  'LOGIN-DELAY': 'too-many-connections',
  'SYS/TEMP': 'unreachable',
  AUTH: 'wrong-credentials',
};

function byTransport(code: string | undefined): VerifyReason | null {
  if (!code) return null;
  if (CERT_CODES.has(code)) return 'cert-invalid';
  if (TIMEOUT_CODES.has(code)) return 'timeout';
  if (UNREACHABLE_CODES.has(code)) return 'unreachable';
  if (code.startsWith('ERR_SSL') || code === 'EPROTO' || code === 'ETLS' || code === 'tls-error')
    return 'tls-error';
  if (code === 'STARTTLS_INJECTION' || code === 'starttls-missing') return 'tls-error';
  return null;
}

function byReplyCode(facts: FailureFacts): VerifyReason | null {
  const reply = facts.replyCode;
  if (!reply) return null;
  if (facts.phase === 'sender' && reply >= 500) return 'sender-rejected';
  if (reply === 534) return 'app-password-required';
  if (reply === 538 || reply === 504) return 'auth-mechanism-unsupported';
  if (reply === 535 || reply === 454 || reply === 530) return 'wrong-credentials';
  if (reply === 421) return 'too-many-connections';
  return null;
}

/** The reason for one failure. Never throws. */
export function classifyFailure(facts: FailureFacts): VerifyReason {
  const transport = byTransport(facts.code);
  const text = facts.serverText ?? '';
  // Without a server answer, the transport decides (it is also what the user can act on).
  if (transport && (facts.phase !== 'auth' || !text)) return transport;
  if (facts.phase === 'tls') return 'tls-error';
  for (const [pattern, reason] of TEXT_RULES) if (pattern.test(text)) return reason;
  const code = facts.responseCode?.toUpperCase();
  if (code && RESPONSE_CODES[code]) return RESPONSE_CODES[code];
  const reply = byReplyCode(facts);
  if (reply) return reply;
  if (transport) return transport;
  // A refusal of the login with no more specific signal: "authentication failed", 535, -ERR.
  if (facts.phase === 'auth' && text) return 'wrong-credentials';
  if (facts.phase === 'sender' && text) return 'sender-rejected';
  if (facts.phase === 'connect' || facts.phase === 'greeting') return 'protocol-error';
  return 'unknown';
}
