/**
 * Pure parsers for POP3 (RFC 1939) greetings and the CAPA response (RFC 2449), including STLS
 * (RFC 2595) and SASL (RFC 5034). Hostile input yields "not recognised" or empty sets.
 */
import { boundedList, saslMechanisms, type CapabilitySet } from './capabilities.ts';

export function isPop3Ok(line: string): boolean {
  return /^\+OK(?: |$)/i.test(line);
}

export function isPop3Greeting(line: string): boolean {
  return /^[+-](OK|ERR)(?: |$)/i.test(line);
}

/** A multi-line reply ends at a lone dot; an error reply is a single line. */
export function pop3MultiLineComplete(line: string, lines: readonly string[]): boolean {
  return lines.length === 1 ? !isPop3Ok(line) : line === '.';
}

/** Capabilities from a complete CAPA reply; null when the server refused CAPA. */
export function parsePop3Capa(lines: readonly string[]): CapabilitySet | null {
  if (!isPop3Ok(lines[0] ?? '')) return null;
  const items = lines
    .slice(1)
    .filter((line) => line !== '.')
    .map((line) => (line.startsWith('..') ? line.slice(1) : line));
  const capabilities = boundedList(
    items.map((line) => {
      const [keyword = '', ...rest] = line.trim().split(/\s+/);
      return [keyword.toUpperCase(), ...rest].join(' ');
    }),
  );
  const keywords = capabilities.map((line) => line.split(' ')[0]);
  const sasl = capabilities.find((line) => line.startsWith('SASL ') || line === 'SASL');
  const auth = saslMechanisms(sasl ? sasl.split(' ').slice(1) : []);
  return {
    capabilities,
    auth,
    starttls: keywords.includes('STLS'),
    loginDisabled: false,
    passwordLogin: keywords.includes('USER') || auth.length > 0,
  };
}
