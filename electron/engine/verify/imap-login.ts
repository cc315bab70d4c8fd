/**
 * IMAP login check with imapflow: connect (implicit TLS, or STARTTLS when the endpoint says so),
 * LOGIN/AUTHENTICATE, LOGOUT (`verifyOnly`). imapflow connects to the IP we resolved; the
 * certificate is still checked against the host name (`servername`).
 */
import { ImapFlow } from 'imapflow';
import {
  codeOf,
  failed,
  messageOf,
  tlsOptions,
  withDeadline,
  type AttemptOutcome,
  type LoginAttempt,
} from './attempt.ts';
import type { VerifyPhase } from './classify.ts';

interface ImapFlowError {
  code?: string;
  authenticationFailed?: boolean;
  tlsFailed?: boolean;
  serverResponseCode?: string;
  response?: string;
}

/** `A1 NO [AUTHENTICATIONFAILED] text` → `[AUTHENTICATIONFAILED] text`. */
function withoutTag(response: string): string {
  return response.replace(/^\S+\s+(NO|BAD)\s+/i, '');
}

function phaseOf(error: ImapFlowError): VerifyPhase {
  if (error.authenticationFailed) return 'auth';
  if (error.tlsFailed) return 'tls';
  const code = error.code ?? '';
  if (/^(CERT_|ERR_TLS|ERR_SSL|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(code)) return 'tls';
  if (code === 'GREETING_TIMEOUT') return 'greeting';
  return 'connect';
}

export async function imapLogin(attempt: LoginAttempt): Promise<AttemptOutcome> {
  const { endpoint, plan } = attempt;
  const client = new ImapFlow({
    host: attempt.ip,
    port: endpoint.port,
    secure: endpoint.security === 'tls',
    // Required STARTTLS unless the host is consented; never attempted on a plain endpoint.
    ...(endpoint.security === 'starttls' && plan.requireStarttls ? { doSTARTTLS: true } : {}),
    ...(endpoint.security === 'plain' ? { doSTARTTLS: false } : {}),
    auth: { user: attempt.username, pass: attempt.password },
    tls: tlsOptions(attempt),
    logger: false,
    verifyOnly: true,
    disableAutoIdle: true,
    connectionTimeout: attempt.timeoutMs,
    greetingTimeout: attempt.timeoutMs,
    socketTimeout: attempt.timeoutMs,
  });
  // imapflow also reports failures as events; the promise below is where we read them.
  client.on('error', () => {});
  const work = async (): Promise<AttemptOutcome> => {
    try {
      await client.connect();
      return { ok: true };
    } catch (thrown) {
      const error = thrown as ImapFlowError;
      const phase = phaseOf(error);
      const code = codeOf(thrown);
      const text = typeof error.response === 'string' ? withoutTag(error.response) : undefined;
      return failed(
        {
          protocol: 'imap',
          phase,
          ...(code ? { code } : {}),
          ...(error.serverResponseCode ? { responseCode: error.serverResponseCode } : {}),
          // Without a server answer, keep the library's description of what went wrong.
          serverText: text ?? (phase === 'auth' ? undefined : messageOf(thrown)),
        },
        attempt.password,
      );
    } finally {
      client.close();
    }
  };
  return withDeadline(attempt, () => client.close(), work);
}
