/**
 * POP3 replies (RFC 1939, 2449, 3206, 5034), parsed without I/O so hostile input is easy to test.
 * A status line is `+OK text` or `-ERR [CODE] text`; SASL continuations are `+ base64`;
 * multi-line replies (CAPA) end with a line of a single dot.
 */

export interface Pop3Status {
  ok: boolean;
  /** A SASL continuation (`+ ...`), not a final answer. */
  continuation: boolean;
  /** RFC 2449 extended response code in brackets (`AUTH`, `IN-USE`, `SYS/TEMP`), upper-case. */
  code?: string;
  /** The text after the status (and after the response code). */
  text: string;
}

/** Parses one status line; anything else is reported as a failure with the raw line as text. */
export function parseStatus(line: string): Pop3Status {
  const match = /^(\+OK|-ERR|\+)(?:\s+(.*))?$/i.exec(line);
  if (!match) return { ok: false, continuation: false, text: line };
  const word = (match[1] ?? '').toUpperCase();
  let text = match[2] ?? '';
  let code: string | undefined;
  const coded = /^\[([A-Za-z0-9/-]{1,40})\]\s*(.*)$/.exec(text);
  if (word === '-ERR' && coded) {
    code = (coded[1] ?? '').toUpperCase();
    text = coded[2] ?? '';
  }
  return {
    ok: word !== '-ERR',
    continuation: word === '+',
    ...(code ? { code } : {}),
    text,
  };
}

/** A multi-line reply is complete after a failed status or at the terminating dot. */
export function isMultilineComplete(line: string, lines: readonly string[]): boolean {
  if (lines.length === 1) return !parseStatus(line).ok;
  return line === '.';
}

/** Capabilities of a CAPA reply (status line and dot removed; byte-stuffing undone). */
export function parseCapabilities(lines: readonly string[]): Map<string, string[]> {
  const capabilities = new Map<string, string[]>();
  for (const raw of lines.slice(1)) {
    if (raw === '.') break;
    const line = raw.startsWith('..') ? raw.slice(1) : raw;
    const [name, ...args] = line.trim().split(/\s+/);
    if (name)
      capabilities.set(
        name.toUpperCase(),
        args.map((arg) => arg.toUpperCase()),
      );
  }
  return capabilities;
}

/** The SASL PLAIN initial response: base64 of `\0user\0password` (RFC 4616). */
export function saslPlain(username: string, password: string): string {
  return Buffer.from(`\u0000${username}\u0000${password}`, 'utf8').toString('base64');
}
