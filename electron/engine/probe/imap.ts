/**
 * Pure parsers for the IMAP lines a probe reads (RFC 9051 / RFC 3501): the greeting and the
 * CAPABILITY response. They never throw; hostile input yields "not recognised" or empty sets.
 */
import { boundedList, saslMechanisms, type CapabilitySet } from './capabilities.ts';

export type ImapGreetingKind = 'ok' | 'preauth' | 'bye';

export interface ImapGreeting {
  kind: ImapGreetingKind;
  /** Capabilities from a `[CAPABILITY ...]` response code in the greeting, if any. */
  capabilities: string[] | null;
}

const GREETING = /^\* (OK|PREAUTH|BYE)(?: |$)/i;
const CAPABILITY_CODE = /\[CAPABILITY ([^\]]*)\]/i;
const CAPABILITY_LINE = /^\* CAPABILITY(?: (.*))?$/i;

export function parseImapGreeting(line: string): ImapGreeting | null {
  const match = GREETING.exec(line);
  if (!match) return null;
  const code = CAPABILITY_CODE.exec(line);
  return {
    kind: (match[1] ?? 'OK').toLowerCase() as ImapGreetingKind,
    capabilities: code ? atoms(code[1] ?? '') : null,
  };
}

/** A reply to the command tagged `tag` is complete at the tagged status line. */
export function imapTagged(tag: string): (line: string) => boolean {
  const prefix = `${tag} `.toUpperCase();
  return (line) => line.slice(0, prefix.length).toUpperCase() === prefix;
}

/** The tagged status (`OK`, `NO`, `BAD`) of a complete reply, or null. */
export function imapStatus(lines: readonly string[], tag: string): 'OK' | 'NO' | 'BAD' | null {
  const last = lines[lines.length - 1] ?? '';
  const match = new RegExp(`^${escape(tag)} (OK|NO|BAD)(?: |$)`, 'i').exec(last);
  return match ? ((match[1] ?? '').toUpperCase() as 'OK' | 'NO' | 'BAD') : null;
}

/** Capabilities from the untagged `* CAPABILITY` lines (or the tagged OK's response code). */
export function parseImapCapability(lines: readonly string[]): CapabilitySet {
  const words: string[] = [];
  for (const line of lines) {
    const untagged = CAPABILITY_LINE.exec(line);
    if (untagged) words.push(...atoms(untagged[1] ?? ''));
    else if (!line.startsWith('*')) {
      const code = CAPABILITY_CODE.exec(line);
      if (code) words.push(...atoms(code[1] ?? ''));
    }
  }
  return imapCapabilitySet(words);
}

export function imapCapabilitySet(words: readonly string[]): CapabilitySet {
  const capabilities = boundedList(words.map((word) => word.toUpperCase()));
  const has = (name: string): boolean => capabilities.includes(name);
  const auth = saslMechanisms(
    capabilities.filter((c) => c.startsWith('AUTH=')).map((c) => c.slice(5)),
  );
  const loginDisabled = has('LOGINDISABLED');
  return {
    capabilities,
    auth,
    starttls: has('STARTTLS'),
    loginDisabled,
    // LOGIN is part of IMAP unless LOGINDISABLED is announced.
    passwordLogin: !loginDisabled,
  };
}

function atoms(text: string): string[] {
  return text.split(/\s+/).filter((word) => /^[\x21-\x7e]+$/.test(word));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
