/**
 * One login attempt, whatever the protocol: what it needs (endpoint, address to dial, username,
 * password, the transport plan of the policy) and what it gives back. Shared by the IMAP, POP3 and
 * SMTP logins so that every protocol applies the same TLS settings, the same deadline and the same
 * scrubbing of server text.
 */
import net from 'node:net';
import tls, { type ConnectionOptions } from 'node:tls';
import type { VerifyReason } from '../../../shared/codes.ts';
import type { Endpoint } from '../../../shared/model.ts';
import { secureContext } from '../net/tls-handshake.ts';
import { classifyFailure, type FailureFacts } from './classify.ts';
import type { TransportPlan } from './policy.ts';

export type AllowedPlan = Extract<TransportPlan, { allowed: true }>;

export interface LoginAttempt {
  endpoint: Endpoint;
  /** The IP address to connect to (resolved through the caller's resolver). */
  ip: string;
  username: string;
  password: string;
  plan: AllowedPlan;
  /** Extra trusted CA certificates (PEM). */
  ca?: string[];
  timeoutMs: number;
  signal?: AbortSignal;
}

export type AttemptOutcome =
  { ok: true } | { ok: false; reason: VerifyReason; serverText?: string };

/** Longest server text kept in a result. */
const MAX_SERVER_TEXT = 300;

/**
 * TLS options: the certificate is checked against the host name (not the IP we dial), with the
 * extra CAs; only a consented host skips validation.
 */
export function tlsOptions(attempt: LoginAttempt): ConnectionOptions {
  const host = attempt.endpoint.host;
  return {
    // SNI carries names only, never an IP literal (RFC 6066 §3).
    ...(net.isIP(host) ? {} : { servername: host }),
    rejectUnauthorized: attempt.plan.rejectUnauthorized,
    minVersion: 'TLSv1.2',
    checkServerIdentity: (_name, cert) => tls.checkServerIdentity(host, cert),
    // Shared with the other connections: a context with every root certificate costs ~100 ms.
    secureContext: secureContext({ ca: attempt.ca, minVersion: 'TLSv1.2' }),
  };
}

/**
 * Server text fit for a report: bounded, control characters removed, and never the password (a
 * hostile or careless server may echo what it got, in clear or base64).
 */
export function scrubServerText(text: string | undefined, password: string): string | undefined {
  if (!text) return undefined;
  let clean = text;
  const forms = password
    ? [
        password,
        // IMAP quoted string (LOGIN): `"` and `\` travel escaped (RFC 3501 §4.3).
        password.replace(/[\\"]/g, '\\$&'),
        Buffer.from(password).toString('base64'),
        Buffer.from(password).toString('base64').replace(/=+$/, ''),
      ]
    : [];
  // Before control characters go: a password holding a tab must still match its echo.
  for (const form of forms) if (form.length >= 3) clean = clean.split(form).join('***');
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  clean = clean.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  // A server echoing an AUTH PLAIN or LOGIN line shows base64 of "\0user\0password" (or of the
  // password at another offset): any base64 word that decodes to something holding it goes too.
  if (password.length >= 3) {
    clean = clean.replace(/[A-Za-z0-9+/]{4,}={0,2}/g, (word) =>
      Buffer.from(word, 'base64').includes(Buffer.from(password)) ? '***' : word,
    );
  }
  if (clean.length > MAX_SERVER_TEXT) clean = `${clean.slice(0, MAX_SERVER_TEXT)}…`;
  return clean || undefined;
}

/** A failed outcome from the facts of a failure. */
export function failed(facts: FailureFacts, password: string): AttemptOutcome {
  const serverText = scrubServerText(facts.serverText, password);
  const reason = classifyFailure({ ...facts, ...(serverText ? { serverText } : {}) });
  return serverText ? { ok: false, reason, serverText } : { ok: false, reason };
}

/**
 * Runs `work` under the attempt's deadline and signal. On expiry or abort, the signal given to
 * `work` fires, `cancel` tears the connection down and the outcome is `timeout`.
 */
export async function withDeadline(
  attempt: LoginAttempt,
  cancel: () => void,
  work: (signal: AbortSignal) => Promise<AttemptOutcome>,
): Promise<AttemptOutcome> {
  if (attempt.signal?.aborted) return { ok: false, reason: 'timeout' };
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const onAbort = (): void => controller.abort();
  const stop = new Promise<AttemptOutcome>((resolve) => {
    controller.signal.addEventListener('abort', () => {
      cancel();
      resolve({ ok: false, reason: 'timeout' });
    });
    timer = setTimeout(onAbort, attempt.timeoutMs);
    attempt.signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work(controller.signal), stop]);
  } finally {
    clearTimeout(timer);
    attempt.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The outcome when the server presented a certificate other than the one consented to (pinned
 * consent): the session ended before any credential was sent. The text names what was presented.
 */
export function pinMismatch(presented: string): AttemptOutcome {
  return {
    ok: false,
    reason: 'cert-invalid',
    serverText: `certificate ${presented} is not the one consented to`,
  };
}

/** The `code` of an error-like value. */
export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
