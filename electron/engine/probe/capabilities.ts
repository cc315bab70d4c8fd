/**
 * What a server says it can do, in one shape for all three protocols. Filled by the pure parsers
 * in `imap.ts`, `pop3.ts` and `smtp.ts`; the probe records it before and after TLS.
 */
export interface CapabilitySet {
  /** Capabilities as announced (IMAP atoms, CAPA lines, EHLO keywords with parameters). */
  capabilities: string[];
  /** SASL mechanisms offered, upper-case. */
  auth: string[];
  /** STARTTLS (IMAP, SMTP) or STLS (POP3) offered. */
  starttls: boolean;
  /** IMAP LOGINDISABLED (RFC 3501 §6.2.3). */
  loginDisabled: boolean;
  /** A password login is possible on this connection. */
  passwordLogin: boolean;
}

/** Caps on what is kept from one reply: a hostile server can announce anything. */
export const MAX_CAPABILITIES = 200;
export const MAX_CAPABILITY_LENGTH = 200;

/** Keeps distinct, bounded, printable entries in their first order. */
export function boundedList(items: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const raw of items) {
    const item = raw.replace(/[^\x20-\x7e]/g, '').trim();
    if (!item || item.length > MAX_CAPABILITY_LENGTH || seen.has(item)) continue;
    seen.add(item);
    if (seen.size >= MAX_CAPABILITIES) break;
  }
  return [...seen];
}

/** SASL mechanism names: upper-case, RFC 4422 §3.1 characters only. */
export function saslMechanisms(words: Iterable<string>): string[] {
  return boundedList(
    [...words].map((word) => word.toUpperCase()).filter((word) => /^[A-Z0-9_-]{1,20}$/.test(word)),
  );
}
