import { describe, expect, it } from 'vitest';
import { classifyFailure, type FailureFacts } from '../../../electron/engine/verify/classify.ts';
import { APP_PASSWORD_REASON } from '../../lab/topology.ts';

const imapAuth = (serverText: string, responseCode?: string): FailureFacts => ({
  protocol: 'imap',
  phase: 'auth',
  serverText,
  ...(responseCode ? { responseCode } : {}),
});
const smtpAuth = (serverText: string): FailureFacts => ({
  protocol: 'smtp',
  phase: 'auth',
  serverText,
  replyCode: Number(serverText.slice(0, 3)),
});

describe('classifyFailure', () => {
  it('maps transport errors before anything the server said', () => {
    expect(classifyFailure({ protocol: 'imap', phase: 'connect', code: 'ECONNREFUSED' })).toBe(
      'unreachable',
    );
    expect(classifyFailure({ protocol: 'pop3', phase: 'greeting', code: 'ETIMEDOUT' })).toBe(
      'timeout',
    );
    expect(classifyFailure({ protocol: 'smtp', phase: 'tls', code: 'CERT_HAS_EXPIRED' })).toBe(
      'cert-invalid',
    );
    expect(
      classifyFailure({ protocol: 'smtp', phase: 'tls', code: 'ERR_TLS_CERT_ALTNAME_INVALID' }),
    ).toBe('cert-invalid');
    expect(
      classifyFailure({ protocol: 'imap', phase: 'tls', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
    ).toBe('cert-invalid');
    expect(
      classifyFailure({ protocol: 'imap', phase: 'tls', code: 'ERR_SSL_WRONG_VERSION_NUMBER' }),
    ).toBe('tls-error');
    expect(classifyFailure({ protocol: 'imap', phase: 'tls' })).toBe('tls-error');
  });

  it('recognises app-password refusals from Gmail, Dovecot and the lab', () => {
    expect(
      classifyFailure(
        imapAuth(
          '[ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)',
          'ALERT',
        ),
      ),
    ).toBe('app-password-required');
    expect(
      classifyFailure(
        smtpAuth('534-5.7.9 Application-specific password required. Learn more at ...'),
      ),
    ).toBe('app-password-required');
    expect(classifyFailure(imapAuth(APP_PASSWORD_REASON, 'AUTHENTICATIONFAILED'))).toBe(
      'app-password-required',
    );
  });

  it('keeps RFC 5530 and SMTP enhanced status codes apart', () => {
    expect(classifyFailure(imapAuth('Authentication failed.', 'AUTHENTICATIONFAILED'))).toBe(
      'wrong-credentials',
    );
    expect(
      classifyFailure(imapAuth('Plaintext authentication disallowed', 'PRIVACYREQUIRED')),
    ).toBe('auth-mechanism-unsupported');
    expect(classifyFailure(imapAuth('Try again later', 'UNAVAILABLE'))).toBe('unreachable');
    expect(classifyFailure(imapAuth('Too many', 'LIMIT'))).toBe('too-many-connections');
    expect(
      classifyFailure(smtpAuth('535 5.7.8 Error: authentication failed: authentication failure')),
    ).toBe('wrong-credentials');
    expect(classifyFailure(smtpAuth('534-5.7.14 Please log in via your web browser'))).toBe(
      'web-login-required',
    );
    expect(classifyFailure(smtpAuth('504 5.5.4 Unrecognized authentication type'))).toBe(
      'auth-mechanism-unsupported',
    );
    expect(
      classifyFailure(
        smtpAuth('550 5.7.30 Basic authentication is not supported for Client Submission.'),
      ),
    ).toBe('oauth-only');
  });

  it('reads the provider strings reference clients match on', () => {
    expect(classifyFailure(imapAuth('[ALERT] Your account is not enabled for IMAP use.'))).toBe(
      'service-disabled',
    );
    expect(classifyFailure(imapAuth('[ALERT] IMAP access is not allowed for this account.'))).toBe(
      'service-disabled',
    );
    expect(classifyFailure(imapAuth('[ALERT] Too many simultaneous connections. (Failure)'))).toBe(
      'too-many-connections',
    );
    expect(
      classifyFailure(
        imapAuth(
          'Maximum number of connections from user+IP exceeded (mail_max_userip_connections=10)',
        ),
      ),
    ).toBe('too-many-connections');
    expect(
      classifyFailure(
        imapAuth(
          'Access to your account has been temporarily restricted as Yandex suspects it may have been hacked.',
        ),
      ),
    ).toBe('account-locked');
    expect(
      classifyFailure({
        protocol: 'pop3',
        phase: 'auth',
        serverText: '-ERR authentication failed',
      }),
    ).toBe('wrong-credentials');
    expect(classifyFailure(imapAuth('[WEBALERT https://x.example/] Web login required.'))).toBe(
      'web-login-required',
    );
    expect(
      classifyFailure({ protocol: 'pop3', phase: 'auth', serverText: '-ERR no such user' }),
    ).toBe('username-format');
    expect(classifyFailure(imapAuth('Invalid user name or password'))).toBe('wrong-credentials');
  });

  it('classifies sender refusals from mailbox.org, Yandex and Runbox', () => {
    const sender = (serverText: string): FailureFacts => ({
      protocol: 'smtp',
      phase: 'sender',
      serverText,
      replyCode: Number(serverText.slice(0, 3)),
    });
    expect(
      classifyFailure(
        sender(
          '553 5.7.1 <x@example.com>: Sender address rejected: not owned by user real@example.com',
        ),
      ),
    ).toBe('sender-rejected');
    expect(
      classifyFailure(sender('553 5.7.1 Sender address rejected: not owned by auth user.')),
    ).toBe('sender-rejected');
    expect(classifyFailure(sender('550 Invalidated From address'))).toBe('sender-rejected');
  });

  it('falls back to unknown or protocol-error, never throws', () => {
    expect(classifyFailure({ protocol: 'imap', phase: 'auth' })).toBe('unknown');
    expect(classifyFailure({ protocol: 'imap', phase: 'greeting', code: 'EWEIRD' })).toBe(
      'protocol-error',
    );
    expect(
      classifyFailure({ protocol: 'smtp', phase: 'connect', serverText: '\u0000'.repeat(10) }),
    ).toBe('protocol-error');
  });
});
