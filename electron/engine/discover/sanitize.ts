/**
 * Validation of values read from the network (autoconfig, Autodiscover, DNS). Every function
 * returns the clean value or null; nothing here throws.
 */
import type { Protocol, Security } from '../../../shared/model.ts';
import { hasUnsafeChars } from '../../../shared/control-chars.ts';
import { toAsciiHostname } from '../net/hostname.ts';

/** A hostname (ASCII form, lower-cased, without trailing dot) or an IP literal; else null. */
export function cleanHostname(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  return toAsciiHostname(value.trim());
}

/** A TCP port 1-65535 written as plain decimal digits; else null. */
export function cleanPort(value: string | number | null | undefined): number | null {
  const text = typeof value === 'number' ? String(value) : (value ?? '').trim();
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : null;
}

/** Autoconfig `socketType`. */
export function cleanSocketType(value: string | null | undefined): Security | null {
  switch ((value ?? '').trim().toUpperCase()) {
    case 'SSL':
    case 'TLS':
      return 'tls';
    case 'STARTTLS':
      return 'starttls';
    case 'PLAIN':
      return 'plain';
    default:
      return null;
  }
}

/** Autoconfig authentication values, normalised; deprecated `plain`/`secure` accepted. */
const AUTH_VALUES: Record<string, string> = {
  'password-cleartext': 'password-cleartext',
  plain: 'password-cleartext',
  'password-encrypted': 'password-encrypted',
  secure: 'password-encrypted',
  oauth2: 'OAuth2',
  ntlm: 'NTLM',
  gssapi: 'GSSAPI',
  'client-ip-address': 'client-IP-address',
  'tls-client-cert': 'TLS-client-cert',
  none: 'none',
  'smtp-after-pop': 'smtp-after-pop',
};

export function cleanAuth(value: string | null | undefined): string | null {
  return AUTH_VALUES[(value ?? '').trim().toLowerCase()] ?? null;
}

/** A server type we set up; else null (exchange, ews, nntp ... are skipped). */
export function cleanProtocol(value: string | null | undefined): Protocol | null {
  const type = (value ?? '').trim().toLowerCase();
  return type === 'imap' || type === 'pop3' || type === 'smtp' ? type : null;
}

/** A username: printable, bounded, no control characters. */
export function cleanUsername(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const name = value.trim();
  if (name === '' || name.length > 256) return null;
  // Control characters, C1 and bidi overrides would reach the terminal and every exported file.
  if (hasUnsafeChars(name)) return null;
  return name;
}

/** An http(s) URL of at most 500 characters with a valid host; else null. */
export function cleanUrl(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.length === 0 || text.length > 500) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || !cleanHostname(url.hostname)) return null;
  return url.href;
}

/** Free text from a document: one line, control and bidi characters removed, bounded. */
export function cleanText(value: string, max: number): string {
  const line = value
    // eslint-disable-next-line no-control-regex -- control characters are what we remove
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
