/**
 * Pure parsers for SMTP replies (RFC 5321 §4.2): multi-line replies, the greeting and the EHLO
 * keywords, including STARTTLS (RFC 3207) and AUTH (RFC 4954; also the old `AUTH=` form some
 * servers still send). Hostile input yields "not recognised" or empty sets.
 */
import { boundedList, saslMechanisms, type CapabilitySet } from './capabilities.ts';

export interface SmtpReply {
  code: number;
  lines: string[];
}

/** A reply is complete at a line that is not `NNN-` (a malformed line also ends it). */
export function smtpReplyComplete(line: string): boolean {
  return !/^\d{3}-/.test(line);
}

/** The code and text lines of a complete reply; null when malformed or codes disagree. */
export function parseSmtpReply(lines: readonly string[]): SmtpReply | null {
  if (lines.length === 0) return null;
  let code: number | null = null;
  const text: string[] = [];
  for (const line of lines) {
    const match = /^(\d{3})(?:[ -](.*))?$/.exec(line);
    if (!match) return null;
    const lineCode = Number(match[1]);
    if (code !== null && lineCode !== code) return null;
    code = lineCode;
    text.push(match[2] ?? '');
  }
  return code !== null && code >= 200 && code <= 599 ? { code, lines: text } : null;
}

export function isSmtpGreetingLine(line: string): boolean {
  return /^\d{3}(?:[ -]|$)/.test(line);
}

/** Capabilities from a 250 EHLO reply; null when EHLO was refused or malformed. */
export function parseEhlo(lines: readonly string[]): CapabilitySet | null {
  const reply = parseSmtpReply(lines);
  if (!reply || reply.code !== 250) return null;
  const capabilities = boundedList(
    reply.lines.slice(1).map((line) => {
      const [keyword = '', ...rest] = line.trim().split(/[\s=]/);
      const separator = line.trim().charAt(keyword.length) === '=' ? '=' : ' ';
      return rest.length
        ? `${keyword.toUpperCase()}${separator}${rest.join(' ')}`
        : keyword.toUpperCase();
    }),
  );
  const authWords = capabilities
    .filter((line) => /^AUTH[ =]/.test(line))
    .flatMap((line) => line.slice(5).split(/\s+/));
  const auth = saslMechanisms(authWords);
  return {
    capabilities,
    auth,
    starttls: capabilities.includes('STARTTLS'),
    loginDisabled: false,
    passwordLogin: auth.length > 0,
  };
}
