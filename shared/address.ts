/**
 * Parses what a person types as their email address. Pure and browser-safe (no Node imports):
 * the renderer validates as the person types, the engine and the CLI parse with the same rules.
 * Never throws: every input, however odd, gives either a parsed address or a stable error code
 * from `ADDRESS_ERRORS` (sentences in the `address` i18n namespace).
 */
import type { AddressError } from './codes.ts';
import { decodePunycode, domainToUnicode } from './punycode.ts';

export interface ParsedAddress {
  /** `local@ascii-domain`, the domain lower-cased: what goes to servers. */
  address: string;
  /** As typed (the local part may be case-sensitive on some servers). */
  localPart: string;
  /** ASCII (A-label) form, lower-case: for DNS, TLS and URLs. */
  domain: string;
  /** Unicode form of the domain: for people. */
  domainUnicode: string;
  /** `local@unicode-domain`: what the wizard shows. */
  display: string;
}

export type AddressResult = { ok: true; value: ParsedAddress } | { ok: false; error: AddressError };

const MAX_ADDRESS_OCTETS = 254; // RFC 5321 path limit minus the angle brackets
const MAX_LOCAL_OCTETS = 64;
const MAX_DOMAIN_OCTETS = 253;
const MAX_INPUT_CHARS = 2048; // anything longer is not an address; do not even scan it

/** RFC 5322 atext plus any non-ASCII character (RFC 6531 internationalised local parts). */
const LOCAL_ATOM = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u0080-\uffff]+$/u;
/** Control and invisible formatting characters that must never be part of an address. */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/u;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** ASCII characters allowed in the domain as typed (non-ASCII goes through IDNA). */
const DOMAIN_ASCII_OK = /^[A-Za-z0-9.-]$/;

const utf8 = new TextEncoder();

function fail(error: AddressError): AddressResult {
  return { ok: false, error };
}

/** Removes wrappers people paste along with an address: `mailto:`, `<...>`, `Name <...>`. */
function unwrap(text: string): string {
  let value = text;
  const angle = /^[^<>]*<([^<>]*)>$/u.exec(value);
  if (angle) value = (angle[1] ?? '').trim();
  if (/^mailto:/i.test(value)) value = value.slice('mailto:'.length).trim();
  return value;
}

function checkLocalPart(local: string): AddressError | null {
  if (INVISIBLE.test(local)) return 'invalid-local-part';
  if (utf8.encode(local).length > MAX_LOCAL_OCTETS) return 'too-long';
  const atoms = local.split('.');
  if (atoms.some((atom) => !LOCAL_ATOM.test(atom))) return 'invalid-local-part';
  return null;
}

/** The ASCII form of a domain as typed, or null when it is not a usable mail domain. */
export function toAsciiDomain(typed: string): string | null {
  let domain = typed.endsWith('.') ? typed.slice(0, -1) : typed;
  if (domain === '' || INVISIBLE.test(domain)) return null;
  for (const char of domain) {
    if (char.charCodeAt(0) < 0x80 && !DOMAIN_ASCII_OK.test(char)) return null;
  }
  if (/[^\p{ASCII}]/u.test(domain) || /(^|\.)xn--/i.test(domain)) {
    try {
      domain = new URL(`http://${domain}/`).hostname;
    } catch {
      return null;
    }
  }
  domain = domain.toLowerCase();
  if (domain.length > MAX_DOMAIN_OCTETS) return null;
  const labels = domain.split('.');
  if (labels.length < 2) return null;
  for (const label of labels) {
    if (!LDH_LABEL.test(label)) return null;
    if (label.startsWith('xn--')) {
      const decoded = decodePunycode(label.slice(4));
      if (decoded === null || decoded === '') return null;
    }
  }
  const tld = labels[labels.length - 1] ?? '';
  if (/^[0-9]+$/.test(tld)) return null; // an IP address, not a mail domain
  return domain;
}

/** Parses and normalises an email address as typed. Never throws. */
export function parseAddress(input: string): AddressResult {
  if (typeof input !== 'string') return fail('empty');
  if (input.length > MAX_INPUT_CHARS) return fail('too-long');
  const text = unwrap(input.trim());
  if (text === '') return fail('empty');
  const at = text.indexOf('@');
  if (URL_SCHEME.test(text) || (at < 0 && (/^www\./i.test(text) || text.includes('/')))) {
    return fail('looks-like-url');
  }
  if (/\s/u.test(text)) return fail('contains-space');
  if (at < 0) return fail('missing-at');
  if (text.indexOf('@', at + 1) >= 0) return fail('multiple-at');
  const localPart = text.slice(0, at);
  const typedDomain = text.slice(at + 1);
  if (localPart === '') return fail('empty-local-part');
  if (typedDomain === '') return fail('empty-domain');
  const localError = checkLocalPart(localPart);
  if (localError) return fail(localError);
  const domain = toAsciiDomain(typedDomain);
  if (domain === null) return fail('invalid-domain');
  const address = `${localPart}@${domain}`;
  if (utf8.encode(address).length > MAX_ADDRESS_OCTETS) return fail('too-long');
  const domainUnicode = domainToUnicode(domain);
  return {
    ok: true,
    value: { address, localPart, domain, domainUnicode, display: `${localPart}@${domainUnicode}` },
  };
}

const PLACEHOLDER = /%(EMAILADDRESS|EMAILLOCALPART|EMAILDOMAIN|REALNAME)%/g;

/**
 * Replaces the autoconfig placeholders (%EMAILADDRESS%, %EMAILLOCALPART%, %EMAILDOMAIN%,
 * %REALNAME%) everywhere in a template. Unknown placeholders are left untouched.
 */
export function substitutePlaceholders(
  template: string,
  address: ParsedAddress,
  realName?: string,
): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    switch (name) {
      case 'EMAILADDRESS':
        return address.address;
      case 'EMAILLOCALPART':
        return address.localPart;
      case 'EMAILDOMAIN':
        return address.domain;
      default:
        return realName ?? '';
    }
  });
}
