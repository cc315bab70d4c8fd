/**
 * Hostname syntax (RFC 1123 §2.1, RFC 1035 §2.3.4): what the CLI and discovery accept as a server
 * name before anything goes to DNS. Internationalised names are accepted in their Unicode form and
 * checked as their ASCII (punycode) form.
 */
import net from 'node:net';
import { domainToASCII } from 'node:url';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

/** The ASCII form of a hostname (lower-case, no trailing dot), or null when it is not valid. */
export function toAsciiHostname(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed !== text) return null;
  if (net.isIP(trimmed)) return trimmed;
  const withoutDot = trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
  const ascii = /^[\x21-\x7e]*$/.test(withoutDot)
    ? withoutDot.toLowerCase()
    : domainToASCII(withoutDot);
  if (!ascii || ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (!labels.every((label) => LABEL.test(label))) return null;
  // An all-numeric last label would be read as an IPv4 address by many resolvers.
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? '')) return null;
  return ascii;
}

/** True for a syntactically valid hostname or an IP literal. */
export function isValidHostname(text: string): boolean {
  return toAsciiHostname(text) !== null;
}
