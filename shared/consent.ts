/**
 * The person's consents to send a password where the security policy (docs/ARCHITECTURE.md) would refuse it,
 * in one place for the CLI, the renderer, the main process and the engine's policy. Every consent
 * names exactly what it accepts:
 *
 * - `plaintext` for a host: the login may travel unencrypted to a `plain` endpoint of that host.
 *   Written as the bare host (`mail.example.org`). It never relaxes a certificate and never turns
 *   a TLS or STARTTLS endpoint into plaintext.
 * - `certificate` for a host: a certificate that fails validation is accepted on that host only
 *   when it is exactly this one (pinned by SHA-256, as the probe shows it). Written
 *   `host#AB:CD:…` (64 hex digits, separators optional).
 * - `source` for a domain: settings from an untrusted source (http, an unknown hoster, SRV
 *   elsewhere) may receive the password on hosts within that domain (the domain itself or any name
 *   below it). Written `source:hoster.example`. It accepts the hoster, not an unverified
 *   connection: the certificate is still checked there.
 *
 * Pure functions, no I/O: imported by renderer and main process alike.
 */
export type Consent =
  | { kind: 'plaintext'; host: string }
  | { kind: 'certificate'; host: string; sha256: string }
  | { kind: 'source'; domain: string };

export type ConsentKind = Consent['kind'];

const SOURCE_PREFIX = 'source:';
const HOST_PATTERN =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*$/;
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;

/** Host names compare lower-case, without a trailing dot. */
export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/** `AB:cd:…` or `abcd…` → upper-case hex without separators (for comparison). */
export function normaliseFingerprint(sha256: string): string {
  return sha256.replace(/[^0-9a-f]/gi, '').toUpperCase();
}

/** Upper-case hex in colon-separated pairs, as Node prints `fingerprint256`. */
export function displayFingerprint(sha256: string): string {
  return (normaliseFingerprint(sha256).match(/../g) ?? []).join(':');
}

function validHost(host: string): boolean {
  return HOST_PATTERN.test(host) || IPV4.test(host);
}

/** The longest text a consent entry can be (IPC schemas bound their input with it). */
export const MAX_CONSENT_LENGTH = SOURCE_PREFIX.length + 253 + 1 + 95;

/** Reads one consent entry; null when it is not one of the three forms. */
export function parseConsent(entry: string): Consent | null {
  const text = entry.trim();
  if (text.length === 0 || text.length > MAX_CONSENT_LENGTH) return null;
  if (text.toLowerCase().startsWith(SOURCE_PREFIX)) {
    const domain = normaliseHost(text.slice(SOURCE_PREFIX.length));
    // A top-level domain would cover every hoster below it: not a consent. (The CLI also refuses
    // public suffixes such as `co.uk`, with the public suffix list it has at hand.)
    if (!validHost(domain) || !domain.includes('.')) return null;
    return { kind: 'source', domain };
  }
  const at = text.indexOf('#');
  if (at < 0) {
    const host = normaliseHost(text);
    return validHost(host) ? { kind: 'plaintext', host } : null;
  }
  const host = normaliseHost(text.slice(0, at));
  const raw = text.slice(at + 1);
  if (!/^[0-9a-f:]+$/i.test(raw)) return null;
  const sha256 = normaliseFingerprint(raw);
  if (!validHost(host) || sha256.length !== 64) return null;
  return { kind: 'certificate', host, sha256 };
}

/** The entry for a consent (the inverse of parseConsent). */
export function formatConsent(consent: Consent): string {
  switch (consent.kind) {
    case 'plaintext':
      return normaliseHost(consent.host);
    case 'certificate':
      return `${normaliseHost(consent.host)}#${displayFingerprint(consent.sha256)}`;
    case 'source':
      return `${SOURCE_PREFIX}${normaliseHost(consent.domain)}`;
  }
}

export const plaintextConsent = (host: string): string =>
  formatConsent({ kind: 'plaintext', host });
export const certificateConsent = (host: string, sha256: string): string =>
  formatConsent({ kind: 'certificate', host, sha256 });
export const sourceConsent = (domain: string): string => formatConsent({ kind: 'source', domain });

/** Parses a list of entries; unreadable ones are dropped (callers that must refuse use parseConsent). */
export function parseConsents(entries: readonly string[] | undefined): Consent[] {
  return (entries ?? []).map(parseConsent).filter((c): c is Consent => c !== null);
}

/** Whether a source consent for `domain` covers `host` (the domain itself or a name below it). */
export function domainCovers(domain: string, host: string): boolean {
  const wanted = normaliseHost(host);
  const base = normaliseHost(domain);
  return wanted === base || wanted.endsWith(`.${base}`);
}

/** What the consents say about one host. */
export interface HostConsent {
  plaintext: boolean;
  /** Normalised fingerprints of the certificates accepted there. */
  pins: string[];
  source: boolean;
}

export function consentForHost(consents: readonly Consent[], host: string): HostConsent {
  const wanted = normaliseHost(host);
  const result: HostConsent = { plaintext: false, pins: [], source: false };
  for (const consent of consents) {
    if (consent.kind === 'source') result.source ||= domainCovers(consent.domain, wanted);
    else if (consent.host !== wanted) continue;
    else if (consent.kind === 'plaintext') result.plaintext = true;
    else result.pins.push(consent.sha256);
  }
  return result;
}

/** The host (or, for a source consent, the domain) an entry is about. */
export function consentSubject(consent: Consent): string {
  return consent.kind === 'source' ? consent.domain : consent.host;
}

/**
 * What one source consent for an untrusted candidate names, the thing a person can judge: for
 * settings that came through an unknown hoster's MX record the hoster (`Candidate.hoster`, its
 * registrable domain: "Mail for your-domain is handled by hoster.example"), one answer for all
 * its servers; for any other untrusted candidate its host.
 */
export function sourceConsentDomain(candidate: { host: string; hoster?: string }): string {
  return normaliseHost(candidate.hoster ?? candidate.host);
}

/** The distinct domains that source consents for the untrusted candidates would name. */
export function sourceConsentDomains(
  candidates: ReadonlyArray<{ host: string; hoster?: string; trusted: boolean } | null>,
): string[] {
  const domains = candidates.flatMap((c) => (c && !c.trusted ? [sourceConsentDomain(c)] : []));
  return [...new Set(domains)];
}
