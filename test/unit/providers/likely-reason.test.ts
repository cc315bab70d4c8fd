import { describe, expect, it } from 'vitest';
import type { VerifyReason } from '../../../shared/codes.ts';
import { likelyReason } from '../../../shared/providers/guidance.ts';
import { findProviderById } from '../../../shared/providers/index.ts';

const p = (id: string) => findProviderById(id);

/** Server answers quoted in the research notes (§2), with the reason each one means. */
const CASES: Array<[string | undefined, VerifyReason, string, VerifyReason]> = [
  // Gmail
  [
    'gmail',
    'wrong-credentials',
    'NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)',
    'app-password-required',
  ],
  [
    'gmail',
    'wrong-credentials',
    '534-5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor',
    'app-password-required',
  ],
  [
    'gmail',
    'wrong-credentials',
    'NO [ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure)',
    'web-login-required',
  ],
  [
    'gmail',
    'wrong-credentials',
    '534-5.7.14 Please log in via your web browser and then try again',
    'web-login-required',
  ],
  [
    'gmail',
    'unknown',
    'NO [WEBALERT https://accounts.google.com/x] Web login required.',
    'web-login-required',
  ],
  [
    'gmail',
    'wrong-credentials',
    'NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)',
    'wrong-credentials',
  ],
  [
    'gmail',
    'wrong-credentials',
    '535-5.7.8 Username and Password not accepted',
    'wrong-credentials',
  ],
  ['gmail', 'unknown', '[ALERT] IMAP access is not allowed for this account.', 'service-disabled'],
  [
    'gmail',
    'unknown',
    'NO [ALERT] Too many simultaneous connections. (Failure)',
    'too-many-connections',
  ],
  // Microsoft
  ['outlook', 'wrong-credentials', 'NO AUTHENTICATE failed.', 'oauth-only'],
  ['outlook', 'wrong-credentials', 'NO LOGIN failed.', 'oauth-only'],
  ['outlook', 'unknown', 'NO Basic authentication is disabled.', 'oauth-only'],
  [
    'microsoft-365',
    'wrong-credentials',
    '535 5.7.139 Authentication unsuccessful, basic authentication is disabled.',
    'oauth-only',
  ],
  [
    'microsoft-365',
    'wrong-credentials',
    '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled',
    'service-disabled',
  ],
  [
    'microsoft-365',
    'unknown',
    '550 5.7.30 Basic authentication is not supported for Client Submission.',
    'oauth-only',
  ],
  [
    'outlook',
    'wrong-credentials',
    'LOGIN failed. Account is blocked. Login to your account via a web browser to verify your identity.',
    'account-locked',
  ],
  ['outlook', 'protocol-error', 'BAD User is authenticated but not connected.', 'service-disabled'],
  // Yahoo / AOL
  [
    'yahoo',
    'wrong-credentials',
    'NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials',
    'wrong-credentials',
  ],
  [
    'yahoo',
    'unknown',
    'NO [AUTHENTICATIONFAILED] Too many bad auth attempts',
    'app-password-required',
  ],
  [
    undefined,
    'unknown',
    'NO [AUTHENTICATIONFAILED] Too many bad auth attempts',
    'too-many-connections',
  ],
  // Others
  [
    'icloud',
    'wrong-credentials',
    'NO [AUTHENTICATIONFAILED] Authentication failed',
    'wrong-credentials',
  ],
  [
    'zoho',
    'wrong-credentials',
    'NO [AUTHENTICATIONFAILED] Invalid credentials(Failure)',
    'wrong-credentials',
  ],
  [
    'yandex',
    'wrong-credentials',
    'NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials or IMAP is disabled sc=abc',
    'wrong-credentials',
  ],
  [
    'yandex',
    'unknown',
    '553 5.7.1 Sender address rejected: not owned by auth user.',
    'sender-rejected',
  ],
  [
    'yandex',
    'unknown',
    'Access to your account has been temporarily restricted as Yandex suspects it may have been hacked.',
    'account-locked',
  ],
  [
    'mailbox-org',
    'unknown',
    '553 5.7.1 <wrongaddress@example.com>: Sender address rejected: not owned by user realuser@example.com',
    'sender-rejected',
  ],
  [
    'mailbox-org',
    'wrong-credentials',
    'NO [AUTHENTICATIONFAILED] Authentication failed.',
    'wrong-credentials',
  ],
  ['runbox', 'unknown', '550 Invalidated From address', 'sender-rejected'],
  ['gmx', 'wrong-credentials', '-ERR authentication failed', 'wrong-credentials'],
  ['t-online', 'wrong-credentials', 'Toid authentication disabled', 'app-password-required'],
  [
    undefined,
    'wrong-credentials',
    'Maximum number of connections from user+IP exceeded (mail_max_userip_connections=10)',
    'too-many-connections',
  ],
  [undefined, 'unknown', 'Login Rate Limit Hit', 'too-many-connections'],
  [undefined, 'unknown', 'NO Account is temporarily unavailable.', 'too-many-connections'],
  [
    undefined,
    'wrong-credentials',
    'Application-specific password required',
    'app-password-required',
  ],
];

describe('likelyReason', () => {
  it.each(CASES)('%s %s "%s" → %s', (id, reason, text, expected) => {
    expect(likelyReason(id ? p(id) : undefined, reason, text)).toBe(expected);
  });

  it('never turns a network or TLS failure into something else', () => {
    for (const reason of [
      'timeout',
      'unreachable',
      'tls-error',
      'cert-invalid',
      'insecure-refused',
    ] as const) {
      expect(likelyReason(p('outlook'), reason, 'Application-specific password required')).toBe(
        reason,
      );
    }
  });

  it('keeps the reason when neither text nor provider says more', () => {
    expect(
      likelyReason(
        undefined,
        'wrong-credentials',
        'NO [AUTHENTICATIONFAILED] Authentication failed.',
      ),
    ).toBe('wrong-credentials');
    expect(likelyReason(p('onoffice'), 'wrong-credentials', '')).toBe('wrong-credentials');
  });

  it('reads only a bounded part of a huge server text', () => {
    const huge = `${'x'.repeat(5000)} Application-specific password required`;
    expect(likelyReason(undefined, 'wrong-credentials', huge)).toBe('wrong-credentials');
  });
});
