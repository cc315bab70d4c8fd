/**
 * SPF record syntax (RFC 7208 §4.6, §5, §6): `v=spf1` followed by directives (an optional
 * qualifier and one of the eight mechanisms) and modifiers (`redirect=`, `exp=`, or any other
 * `name=value`, which §6 says to ignore). An unknown mechanism or a malformed value is a syntax
 * error (permerror). Pure.
 */
import net from 'node:net';

export type Qualifier = '+' | '-' | '~' | '?';
export const LOOKUP_MECHANISMS = new Set(['include', 'a', 'mx', 'ptr', 'exists']);

export type SpfTerm =
  | { kind: 'mechanism'; qualifier: Qualifier; name: string; value: string; text: string }
  | { kind: 'modifier'; name: string; value: string; text: string };

export type SpfParse = { ok: true; terms: SpfTerm[] } | { ok: false; term: string };

const VERSION = /^v=spf1$/i;
/** A domain-spec: printable ASCII, macros allowed; without a macro it must look like a host name. */
function validDomainSpec(value: string): boolean {
  if (!/^[\x21-\x7e]+$/.test(value)) return false;
  if (value.includes('%'))
    return /^(?:[^%]|%[%_-]|%\{[slodiphcrtv]\d*r?[.\-+,/_=]*\})+$/i.test(value);
  return /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{1,63}\.?$/i.test(
    value,
  );
}

function validCidr(text: string, max: number): boolean {
  if (!/^\d{1,3}$/.test(text)) return false;
  return Number(text) <= max;
}

/** `a` / `mx`: optional `:domain`, optional `/v4cidr`, optional `//v6cidr`. */
function validHostMechanism(rest: string): boolean {
  const match = /^(?::([^/]+))?(?:\/(\d+))?(?:\/\/(\d+))?$/.exec(rest);
  if (!match) return false;
  const [, domain, v4, v6] = match;
  if (domain !== undefined && !validDomainSpec(domain)) return false;
  if (v4 !== undefined && !validCidr(v4, 32)) return false;
  return v6 === undefined || validCidr(v6, 128);
}

function validIp(rest: string, family: 4 | 6): boolean {
  if (!rest.startsWith(':')) return false;
  const [address = '', cidr, extra] = rest.slice(1).split('/');
  if (extra !== undefined) return false;
  if (net.isIP(address) !== family) return false;
  return cidr === undefined || validCidr(cidr, family === 4 ? 32 : 128);
}

function parseMechanism(text: string): SpfTerm | null {
  let qualifier: Qualifier = '+';
  let body = text;
  if ('+-~?'.includes(body[0] ?? '')) {
    qualifier = body[0] as Qualifier;
    body = body.slice(1);
  }
  const name = (/^[a-z0-9]+/i.exec(body)?.[0] ?? '').toLowerCase();
  const rest = body.slice(name.length);
  let valid: boolean;
  switch (name) {
    case 'all':
      valid = rest === '';
      break;
    case 'include':
    case 'exists':
      valid = rest.startsWith(':') && validDomainSpec(rest.slice(1));
      break;
    case 'a':
    case 'mx':
      valid = validHostMechanism(rest);
      break;
    case 'ptr':
      valid = rest === '' || (rest.startsWith(':') && validDomainSpec(rest.slice(1)));
      break;
    case 'ip4':
      valid = validIp(rest, 4);
      break;
    case 'ip6':
      valid = validIp(rest, 6);
      break;
    default:
      valid = false;
  }
  if (!valid) return null;
  return { kind: 'mechanism', qualifier, name, value: rest.replace(/^:/, ''), text };
}

export function parseSpf(record: string): SpfParse {
  const [version, ...rest] = record.trim().split(/ +/);
  if (!version || !VERSION.test(version)) return { ok: false, term: version ?? '' };
  const terms: SpfTerm[] = [];
  const seenModifiers = new Set<string>();
  for (const text of rest) {
    if (text === '') continue;
    const modifier = /^([a-z][a-z0-9_.-]*)=(.*)$/i.exec(text);
    if (modifier) {
      const name = (modifier[1] ?? '').toLowerCase();
      const value = modifier[2] ?? '';
      // redirect and exp may appear once each (§6) and need a domain-spec.
      if (name === 'redirect' || name === 'exp') {
        if (seenModifiers.has(name) || !validDomainSpec(value)) return { ok: false, term: text };
        seenModifiers.add(name);
      }
      terms.push({ kind: 'modifier', name, value, text });
      continue;
    }
    const mechanism = parseMechanism(text);
    if (!mechanism) return { ok: false, term: text };
    terms.push(mechanism);
  }
  return { ok: true, terms };
}

/** Whether a record's text is an SPF record at all (RFC 7208 §4.5: `v=spf1` then space or end). */
export function isSpfRecord(text: string): boolean {
  return /^v=spf1(?: |$)/i.test(text.trim());
}
