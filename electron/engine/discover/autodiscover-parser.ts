/**
 * Reads an Outlook Autodiscover (POX) response: IMAP/POP3/SMTP `Protocol` blocks into candidates,
 * or a redirect (`redirectAddr` / `redirectUrl`) for the caller to follow within its limits.
 * Security per Thunderbird's reading: `SSL=off` or `Encryption=none` means plain; otherwise the
 * STARTTLS ports (143/110/25/587) mean STARTTLS and every other port implicit TLS.
 */
import type { Element } from '@xmldom/xmldom';
import { substitutePlaceholders, type ParsedAddress } from '../../../shared/address.ts';
import type { Candidate, Security } from '../../../shared/model.ts';
import { MAX_SERVERS_PER_SIDE, type Provenance } from './autoconfig-parser.ts';
import { cleanHostname, cleanPort, cleanProtocol, cleanUsername } from './sanitize.ts';
import type { Found, Outcome } from './types.ts';
import { child, childText, children, isNamed, parseXml } from './xml.ts';

export type AutodiscoverAnswer =
  | { kind: 'settings'; found: Found }
  | { kind: 'redirect-address'; address: string }
  | { kind: 'redirect-url'; url: string };

const STARTTLS_PORTS = new Set([143, 110, 25, 587]);
/** `Protocol` blocks read at most (both sides together). */
export const MAX_PROTOCOL_BLOCKS = 2 * MAX_SERVERS_PER_SIDE;

/** The POX request body (no credentials are ever sent with it). */
export function autodiscoverRequest(emailAddress: string): string {
  const escaped = emailAddress.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    '<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">\n' +
    `  <Request>\n    <EMailAddress>${escaped}</EMailAddress>\n` +
    '    <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>\n' +
    '  </Request>\n</Autodiscover>\n'
  );
}

function securityOf(block: Element, port: number): Security {
  const ssl = (childText(block, 'SSL') ?? '').toLowerCase();
  const encryption = (childText(block, 'Encryption') ?? '').toLowerCase();
  if (ssl === 'off' || encryption === 'none') return 'plain';
  // MS-OXDSCLI: Encryption overrides SSL; "TLS" is Outlook's STARTTLS, "SSL" is implicit TLS.
  if (encryption === 'tls') return 'starttls';
  if (encryption === 'ssl') return 'tls';
  return STARTTLS_PORTS.has(port) ? 'starttls' : 'tls';
}

function readProtocol(
  block: Element,
  address: ParsedAddress,
  provenance: Provenance,
): Candidate | null {
  const protocol = cleanProtocol(childText(block, 'Type'));
  if (!protocol) return null;
  const host = cleanHostname(childText(block, 'Server'));
  const port = cleanPort(childText(block, 'Port'));
  if (!host || !port) return null;
  const login = childText(block, 'LoginName');
  const username = login ? cleanUsername(substitutePlaceholders(login, address)) : address.address;
  if (!username) return null;
  const spa = (childText(block, 'SPA') ?? '').toLowerCase() === 'on';
  return {
    protocol,
    host,
    port,
    security: securityOf(block, port),
    username,
    auth: [spa ? 'NTLM' : 'password-cleartext'],
    source: provenance.source,
    origin: provenance.origin,
    trusted: provenance.trusted,
    ...(provenance.network ? { network: provenance.network } : {}),
  };
}

/** Finds the `Account` element below `Autodiscover/Response`. */
function accountOf(root: Element): Element | null {
  const response = child(root, 'Response');
  return response ? child(response, 'Account') : null;
}

export function parseAutodiscover(
  text: string,
  address: ParsedAddress,
  provenance: Provenance,
): Outcome<AutodiscoverAnswer> {
  const parsed = parseXml(text);
  if (!parsed.ok) return parsed;
  if (!isNamed(parsed.value, 'Autodiscover')) {
    return { ok: false, error: 'xml-invalid', detail: 'root is not Autodiscover' };
  }
  const account = accountOf(parsed.value);
  if (!account) return { ok: false, error: 'no-usable-settings' };
  const action = (childText(account, 'Action') ?? '').toLowerCase();
  if (action === 'redirectaddr') {
    const target = childText(account, 'RedirectAddr');
    if (!target) return { ok: false, error: 'no-usable-settings', detail: 'empty RedirectAddr' };
    return { ok: true, value: { kind: 'redirect-address', address: target } };
  }
  if (action === 'redirecturl') {
    const target = childText(account, 'RedirectUrl') ?? '';
    if (!/^https:\/\//i.test(target)) {
      return { ok: false, error: 'no-usable-settings', detail: 'RedirectUrl not https' };
    }
    return { ok: true, value: { kind: 'redirect-url', url: target } };
  }
  // A mail setup has a few servers: thousands of blocks must not become thousands of probes.
  const candidates = children(account, 'Protocol')
    .slice(0, MAX_PROTOCOL_BLOCKS)
    .map((block) => readProtocol(block, address, provenance))
    .filter((candidate): candidate is Candidate => candidate !== null);
  const incoming = candidates
    .filter((candidate) => candidate.protocol !== 'smtp')
    .slice(0, MAX_SERVERS_PER_SIDE);
  const outgoing = candidates
    .filter((candidate) => candidate.protocol === 'smtp')
    .slice(0, MAX_SERVERS_PER_SIDE);
  if (candidates.length === 0) return { ok: false, error: 'no-usable-settings' };
  return { ok: true, value: { kind: 'settings', found: { incoming, outgoing } } };
}
