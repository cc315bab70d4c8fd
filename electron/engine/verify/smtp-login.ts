/**
 * SMTP login check: connect, EHLO (STARTTLS as planned), AUTH, then optionally more work on the
 * authenticated session (the sender check), then QUIT. No message is ever sent.
 */
import {
  failed,
  pinMismatch,
  scrubServerText,
  withDeadline,
  type AttemptOutcome,
  type LoginAttempt,
} from './attempt.ts';
import type { VerifyPhase } from './classify.ts';
import { pinRefusal } from './policy.ts';
import { SmtpSession, type SmtpError } from './smtp-session.ts';

const TLS_CODE = /^(CERT_|ERR_TLS|ERR_SSL|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH)/;

function phaseOf(error: SmtpError): VerifyPhase {
  if (TLS_CODE.test(error.originalCode ?? '')) return 'tls';
  const code = error.code ?? '';
  if (code === 'ETLS' || error.command === 'STARTTLS' || TLS_CODE.test(code)) return 'tls';
  if (code === 'EAUTH' || error.command?.startsWith('AUTH')) return 'auth';
  if (error.command === 'CONN' && error.response) return 'greeting';
  return 'connect';
}

/** The TLS or socket error behind an SMTPConnection error, when its message names one. */
function underlyingCode(error: SmtpError): string | undefined {
  const match =
    /\b(CERT_[A-Z_]+|ERR_TLS_[A-Z_]+|ERR_SSL_[A-Z_]+|UNABLE_TO_[A-Z_]+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ECONNREFUSED|EHOSTUNREACH|ENETUNREACH)\b/.exec(
      error.message,
    );
  return match?.[1];
}

export function smtpFailure(error: SmtpError, attempt: LoginAttempt): AttemptOutcome {
  if (error.code === 'EPROTOCOL' && error.command === 'AUTH') {
    // AUTH "accepted" with something other than 235: the server is not telling the truth.
    const serverText = scrubServerText(error.response, attempt.password);
    return { ok: false, reason: 'protocol-error', ...(serverText ? { serverText } : {}) };
  }
  const phase = phaseOf(error);
  const code = error.originalCode ?? underlyingCode(error) ?? error.code;
  return failed(
    {
      protocol: 'smtp',
      phase,
      ...(code ? { code } : {}),
      ...(error.responseCode ? { replyCode: error.responseCode } : {}),
      serverText: error.response ?? (phase === 'auth' ? undefined : error.message),
    },
    attempt.password,
  );
}

/**
 * Logs in; on success runs `after` on the authenticated session before QUIT. `after` gets the
 * session and must not throw.
 */
export async function smtpLogin(
  attempt: LoginAttempt,
  after?: (session: SmtpSession) => Promise<void>,
): Promise<AttemptOutcome> {
  const session = new SmtpSession(attempt);
  const work = async (): Promise<AttemptOutcome> => {
    try {
      const connectError = await session.connect();
      if (connectError) return smtpFailure(connectError, attempt);
      // Greeting and EHLO carry no credential: a pinned consent is checked here, before AUTH.
      const socket = session.tlsSocket;
      const presented = socket ? pinRefusal(attempt.plan, socket) : null;
      if (presented !== null) return pinMismatch(presented);
      if (!session.allowsAuth) {
        // No AUTH in the EHLO answer: nothing to log in with (or only after STARTTLS).
        return { ok: false, reason: 'auth-mechanism-unsupported' };
      }
      const loginError = await session.login(attempt.username, attempt.password);
      if (loginError) return smtpFailure(loginError, attempt);
      if (after) await after(session);
      return { ok: true };
    } finally {
      session.quit();
    }
  };
  return withDeadline(attempt, () => session.close(), work);
}
