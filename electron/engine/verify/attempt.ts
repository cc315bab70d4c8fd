/**
 * One login attempt, whatever the protocol: what it needs (endpoint, address to dial, username,
 * password, the transport plan of the policy) and what it gives back. Shared by the IMAP, POP3 and
 * SMTP logins so that every protocol applies the same TLS settings, the same deadline and the same
 * scrubbing of server text.
 */
import net from 'node:net';
import tls, { type ConnectionOptions } from 'node:tls';
import type { VerifyReason } from '../../../shared/codes.ts';
import { dropUnsafeChars } from '../../../shared/control-chars.ts';
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

/** Longest server text kept in a result: a diagnosis needs the reply's first words. */
const MAX_SERVER_TEXT = 200;
/** Server text looked at at all (an echo cut in half at the end is still found). */
const MAX_SCANNED_TEXT = 4096;
/** The shortest run of the password's characters that counts as a (truncated) echo. */
const MIN_FRAGMENT = 4;

/** Every form of the password a server may echo that costs little to derive. */
function passwordForms(password: string): Array<{ form: string; exact: boolean }> {
  const bytes = Buffer.from(password);
  const base64 = bytes.toString('base64');
  const anyCase = [
    password,
    // IMAP quoted string (LOGIN): `"` and `\` travel escaped (RFC 3501 §4.3).
    password.replace(/[\\"]/g, '\\$&'),
    encodeURIComponent(password),
    encodeURIComponent(password).replace(/%20/g, '+'),
    bytes.toString('hex'),
  ];
  // Base64 is case-sensitive: another case is another value.
  const exact = [base64, base64.replace(/=+$/, '')];
  const forms = [
    ...anyCase.map((form) => ({ form, exact: false })),
    ...exact.map((form) => ({ form, exact: true })),
  ];
  return forms.filter(
    ({ form }, index) => form.length >= 3 && forms.findIndex((f) => f.form === form) === index,
  );
}

/** Replaces every occurrence of `form` (ignoring case unless `exact`) with `***`. */
function maskAll(text: string, form: string, exact: boolean): string {
  if (exact) return text.split(form).join('***');
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(escaped, 'gi'), '***');
}

/**
 * Masks every run of at least MIN_FRAGMENT (or half the password, if longer) characters that is
 * also a run of the password, ignoring case: a truncated or partial echo.
 */
function maskFragments(text: string, password: string): string {
  const size = Math.min(password.length, Math.max(MIN_FRAGMENT, Math.ceil(password.length / 2)));
  if (size < 3 || text.length < size) return text;
  const lowerPassword = password.toLowerCase();
  const windows = new Set<string>();
  for (let i = 0; i + size <= lowerPassword.length; i++)
    windows.add(lowerPassword.slice(i, i + size));
  const lower = text.toLowerCase();
  const masked = new Uint8Array(text.length);
  let any = false;
  for (let i = 0; i + size <= lower.length; i++) {
    if (!windows.has(lower.slice(i, i + size))) continue;
    masked.fill(1, i, i + size);
    any = true;
  }
  if (!any) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (!masked[i]) out += text[i];
    else if (!masked[i - 1]) out += '***';
  }
  return out;
}

/**
 * Server text fit for a report: bounded, control characters removed, and never the password (a
 * hostile or careless server may echo what it got: in clear, upper- or lower-cased, truncated,
 * URL-encoded, hex or base64, inside an AUTH PLAIN or LOGIN line).
 */
export function scrubServerText(text: string | undefined, password: string): string | undefined {
  if (!text) return undefined;
  let clean = text.slice(0, MAX_SCANNED_TEXT);
  const forms = password ? passwordForms(password) : [];
  // Before control characters go: a password holding a tab must still match its echo.
  for (const { form, exact } of forms) clean = maskAll(clean, form, exact);
  clean = dropUnsafeChars(clean).trim();
  if (password.length >= 3) {
    // A server echoing an AUTH PLAIN or LOGIN line shows base64 of "\0user\0password" (or of the
    // password at another offset): any base64 word that decodes to something holding it goes too.
    clean = clean.replace(/[A-Za-z0-9+/]{4,}={0,2}/g, (word) =>
      Buffer.from(word, 'base64').includes(Buffer.from(password)) ? '***' : word,
    );
    clean = maskFragments(clean, password);
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
