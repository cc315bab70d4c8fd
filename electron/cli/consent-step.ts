/**
 * The CLI's consents (shared/consent.ts), named like the wizard's per-host consent:
 * `--allow-plaintext HOST`, `--accept-cert HOST#SHA256` (the fingerprint an earlier run or a
 * terminal prompt showed), `--accept-source DOMAIN` (settings from an untrusted source for hosts
 * in that domain). On a terminal, what is missing is asked interactively, showing the certificate.
 * `--allow-insecure` is refused with a message naming these options.
 */
import net from 'node:net';
import { createInterface } from 'node:readline';
import { getDomain } from 'tldts';
import {
  certificateConsent,
  consentForHost,
  parseConsent,
  parseConsents,
  plaintextConsent,
  sourceConsent,
} from '../../shared/consent.ts';
import type {
  Candidate,
  CertificateFacts,
  Endpoint,
  PortResult,
  ProbeReport,
} from '../../shared/model.ts';
import { UsageError, type CliIo } from './io.ts';
import type { Translate } from './translate.ts';

/** Options to merge into the check command's parseArgs options. */
export const CONSENT_ARG_OPTIONS = {
  'allow-plaintext': { type: 'string', multiple: true },
  'accept-cert': { type: 'string', multiple: true },
  'accept-source': { type: 'string', multiple: true },
  /** Deprecated: refused with a message saying what to use. */
  'allow-insecure': { type: 'boolean' },
} as const;

/** Options still parsed only to refuse them with a message (not in the synopsis). */
export const DEPRECATED_OPTIONS: ReadonlySet<string> = new Set(['allow-insecure']);

export interface ConsentArgs {
  'allow-plaintext'?: string[];
  'accept-cert'?: string[];
  'accept-source'?: string[];
  'allow-insecure'?: boolean;
}

/** Whether any consent option was given (they need --password-stdin). */
export function hasConsentArgs(args: ConsentArgs): boolean {
  return Boolean(
    args['allow-insecure'] ||
    args['allow-plaintext']?.length ||
    args['accept-cert']?.length ||
    args['accept-source']?.length,
  );
}

/** The consent entries the options give; a malformed one is a usage error (exit code 2). */
export function consentsFromArgs(args: ConsentArgs, t: Translate): string[] {
  if (args['allow-insecure']) throw new UsageError(t('security:consent.allowInsecureRemoved'));
  const entries: string[] = [];
  for (const value of args['allow-plaintext'] ?? []) {
    const consent = parseConsent(value);
    if (consent?.kind !== 'plaintext')
      throw new UsageError(t('security:consent.badPlaintext', { value }));
    entries.push(plaintextConsent(consent.host));
  }
  for (const value of args['accept-cert'] ?? []) {
    const consent = parseConsent(value);
    if (consent?.kind !== 'certificate')
      throw new UsageError(t('security:consent.badCert', { value }));
    entries.push(certificateConsent(consent.host, consent.sha256));
  }
  for (const value of args['accept-source'] ?? []) {
    const consent = parseConsent(`source:${value}`);
    if (
      consent?.kind !== 'source' ||
      (getDomain(consent.domain) === null && !net.isIP(consent.domain))
    )
      throw new UsageError(t('security:consent.badSource', { value }));
    entries.push(sourceConsent(consent.domain));
  }
  return entries;
}

/** The domain a source consent for this host names: the hoster's registrable domain. */
export function sourceDomainOf(host: string): string {
  return getDomain(host) ?? host;
}

function probedPort(endpoint: Endpoint, probes: readonly ProbeReport[]): PortResult | undefined {
  const host = endpoint.host.toLowerCase();
  return probes
    .find((probe) => probe.host.toLowerCase() === host)
    ?.ports.find((p) => p.port === endpoint.port && p.security === endpoint.security);
}

/** The certificate the check's probe saw on this endpoint when it failed validation. */
export function invalidCertificate(
  endpoint: Endpoint,
  probes: readonly ProbeReport[],
): { certificate: CertificateFacts; problem: string } | null {
  if (endpoint.security === 'plain') return null;
  const tls = probedPort(endpoint, probes)?.tls;
  if (!tls?.certificate || (tls.trusted && tls.hostnameMatch)) return null;
  return {
    certificate: tls.certificate,
    problem: tls.error ?? (tls.hostnameMatch ? 'untrusted' : 'hostname-mismatch'),
  };
}

/** One consent the login still lacks. */
export type ConsentNeed =
  | { kind: 'plaintext'; endpoint: Endpoint }
  | { kind: 'certificate'; endpoint: Endpoint; certificate: CertificateFacts; problem: string }
  | { kind: 'source'; endpoint: Endpoint; origin: string; domain: string };

/** What the given consents do not yet cover for these endpoints (from the check's report). */
export function missingConsents(
  endpoints: ReadonlyArray<Endpoint & Partial<Pick<Candidate, 'trusted' | 'origin' | 'source'>>>,
  probes: readonly ProbeReport[],
  entries: readonly string[],
): ConsentNeed[] {
  const consents = parseConsents(entries);
  const needs: ConsentNeed[] = [];
  for (const endpoint of endpoints) {
    const given = consentForHost(consents, endpoint.host);
    if (endpoint.trusted === false && !given.source) {
      needs.push({
        kind: 'source',
        endpoint,
        origin: endpoint.origin ?? endpoint.source ?? '',
        domain: sourceDomainOf(endpoint.host),
      });
    }
    if (endpoint.security === 'plain') {
      if (!given.plaintext) needs.push({ kind: 'plaintext', endpoint });
      continue;
    }
    const invalid = invalidCertificate(endpoint, probes);
    if (invalid && !given.pins.length) needs.push({ kind: 'certificate', endpoint, ...invalid });
  }
  // One question per host and kind (incoming and outgoing often share a host).
  const seen = new Set<string>();
  return needs.filter((need) => {
    const key = `${need.kind}|${need.kind === 'source' ? need.domain : need.endpoint.host}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function question(need: ConsentNeed, t: Translate): string {
  const { host, port } = need.endpoint;
  if (need.kind === 'plaintext') return t('security:consent.askPlaintext', { host, port });
  if (need.kind === 'source')
    return t('security:consent.askSource', { host, origin: need.origin, domain: need.domain });
  const c = need.certificate;
  return t('security:consent.askCert', {
    host,
    port,
    problem: need.problem,
    subject: c.subject,
    issuer: c.issuer,
    validFrom: c.validFrom,
    validTo: c.validTo,
    sha256: c.sha256,
  });
}

function entryFor(need: ConsentNeed): string {
  if (need.kind === 'plaintext') return plaintextConsent(need.endpoint.host);
  if (need.kind === 'source') return sourceConsent(need.domain);
  return certificateConsent(need.endpoint.host, need.certificate.sha256);
}

/** Whether standard input is a terminal a person answers on. */
export function canAsk(io: CliIo): boolean {
  return (io.stdin as CliIo['stdin'] & { isTTY?: boolean }).isTTY === true;
}

/** Asks each missing consent on the terminal; returns the entries the person accepted. */
export async function askConsents(
  io: CliIo,
  needs: readonly ConsentNeed[],
  t: Translate,
): Promise<string[]> {
  if (needs.length === 0) return [];
  const yes = new Set(t('security:consent.yes').split(','));
  const reader = createInterface({ input: io.stdin, terminal: false });
  const lines = reader[Symbol.asyncIterator]();
  const accepted: string[] = [];
  try {
    for (const need of needs) {
      io.stderr.write(question(need, t));
      const answer = await lines.next();
      if (answer.done) break;
      if (yes.has(String(answer.value).trim().toLowerCase())) accepted.push(entryFor(need));
    }
  } finally {
    reader.close();
  }
  return accepted;
}

/** The line telling how to give the consent a refused login lacked (null when none applies). */
export function consentHint(
  endpoint: Endpoint,
  reason: string,
  probes: readonly ProbeReport[],
  t: Translate,
): string | null {
  if (reason === 'insecure-refused' && endpoint.security === 'plain')
    return t('security:consent.hintPlaintext', { host: endpoint.host });
  if (reason === 'untrusted-refused')
    return t('security:consent.hintSource', { domain: sourceDomainOf(endpoint.host) });
  if (reason === 'cert-invalid') {
    const invalid = invalidCertificate(endpoint, probes);
    return invalid
      ? t('security:consent.hintCert', {
          consent: certificateConsent(endpoint.host, invalid.certificate.sha256),
        })
      : t('security:consent.hintCertUnknown', { host: endpoint.host });
  }
  return null;
}
