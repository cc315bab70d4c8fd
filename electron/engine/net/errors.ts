/**
 * Failures of the networking building blocks as values. Every step of `net/` returns a
 * `NetResult`: either the value or a `NetFailure` with a small, stable code plus the detail Node or
 * the server gave (an errno code such as `ECONNREFUSED`, an OpenSSL reason, the server's words).
 */

export type NetErrorCode =
  | 'timeout'
  | 'refused'
  | 'unreachable'
  | 'closed'
  | 'tls-error'
  | 'aborted'
  | 'line-too-long'
  | 'too-much-data'
  | 'starttls-refused'
  | 'starttls-injection';

export interface NetFailure {
  code: NetErrorCode;
  /** Machine detail: Node's error code, an OpenSSL reason or the server's reply (bounded). */
  detail?: string;
}

export type NetResult<T> = { ok: true; value: T } | { ok: false; error: NetFailure };

export function success<T>(value: T): NetResult<T> {
  return { ok: true, value };
}

export function failure<T = never>(code: NetErrorCode, detail?: string): NetResult<T> {
  return detail === undefined
    ? { ok: false, error: { code } }
    : { ok: false, error: { code, detail } };
}

const UNREACHABLE = new Set([
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'ENETDOWN',
  'EHOSTDOWN',
]);
const CLOSED = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/** Maps a socket-level Node error to a failure (connect and read phase, not TLS). */
export function socketFailure(error: unknown): NetFailure {
  const code = errorCode(error);
  if (code === 'ECONNREFUSED') return { code: 'refused', detail: code };
  if (code === 'ETIMEDOUT') return { code: 'timeout', detail: code };
  if (code && UNREACHABLE.has(code)) return { code: 'unreachable', detail: code };
  if (code && CLOSED.has(code)) return { code: 'closed', detail: code };
  if (code === 'ABORT_ERR') return { code: 'aborted' };
  return { code: 'unreachable', detail: code ?? bounded(errorMessage(error)) };
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Cuts text from the network to a length fit for a report. */
export function bounded(text: string, max = 300): string {
  let clean = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    clean += (code < 0x20 && code !== 0x09) || code === 0x7f ? '?' : char;
  }
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
