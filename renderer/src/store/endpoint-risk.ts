/**
 * How safe one chosen server setting is, in terms the review step can show: the badge for its
 * connection security, the report's findings that concern exactly that host and port, and whether
 * sending a password there needs the person's explicit consent (plaintext, or a certificate that
 * fails validation - the security policy in docs/ARCHITECTURE.md).
 */
import { certificateAccepted, certificateVerdict } from '../../../shared/certificate.ts';
import { CERTIFICATE_FINDINGS } from '../../../shared/codes.ts';
import type { Candidate, Endpoint, Finding, Security } from '../../../shared/model.ts';
import {
  certificateConsent,
  consentSubject,
  parseConsent,
  plaintextConsent,
  sourceConsent,
  sourceConsentDomain,
} from '../../../shared/consent.ts';
import type { CheckReport } from '../../../shared/reports.ts';

export type SecurityBadge =
  'encrypted' | 'starttls' | 'unencrypted' | 'cert-problem' | 'unchecked' | 'unreachable';

/** The badge of a connection security as configured (no certificate known). */
export function badgeOf(security: Security): SecurityBadge {
  if (security === 'tls') return 'encrypted';
  if (security === 'starttls') return 'starttls';
  return 'unencrypted';
}

/**
 * The badge of one endpoint as the probes saw it: "Encrypted" only with a valid certificate, a
 * certificate problem its own badge, and "not checked yet" when no probe saw that host and port.
 */
export function endpointBadge(endpoint: Endpoint, report: CheckReport | null): SecurityBadge {
  if (endpoint.security === 'plain') return 'unencrypted';
  const probe = report?.probes.find((p) => sameHost(p.host, endpoint.host));
  const port = probe?.ports.find((p) => p.port === endpoint.port);
  if (!port) return 'unchecked';
  // A port that did not answer says nothing about its encryption.
  if (port.status !== 'ok' && port.status !== 'tls-error') return 'unreachable';
  if (certificateProblem(endpoint, report) !== null) return 'cert-problem';
  return badgeOf(endpoint.security);
}

function sameHost(a: string | undefined, b: string): boolean {
  return (a ?? '').toLowerCase() === b.toLowerCase();
}

/** Findings of the report that concern this endpoint (its host, and its port when named). */
export function findingsFor(endpoint: Endpoint, report: CheckReport | null): Finding[] {
  if (!report) return [];
  return report.findings.filter(
    (finding) =>
      sameHost(finding.host, endpoint.host) &&
      (finding.port === undefined || finding.port === endpoint.port),
  );
}

/** The certificate problem of this endpoint, as a finding code, or null when there is none known. */
export function certificateProblem(endpoint: Endpoint, report: CheckReport | null): string | null {
  if (endpoint.security === 'plain') return null;
  const finding = findingsFor(endpoint, report).find((f) => CERTIFICATE_FINDINGS.has(f.code));
  if (finding) return finding.code;
  const probe = report?.probes.find((p) => sameHost(p.host, endpoint.host));
  const port = probe?.ports.find(
    (p) => p.port === endpoint.port && p.security === endpoint.security,
  );
  if (!port?.tls || certificateAccepted(port.tls)) return null;
  return `cert-${certificateVerdict(port.tls) ?? 'untrusted'}`;
}

/** The discovered candidate this endpoint was taken from, if any (same host, port, security). */
export function candidateFor(endpoint: Endpoint, report: CheckReport | null): Candidate | null {
  if (!report) return null;
  const list = endpoint.protocol === 'smtp' ? report.outgoing : report.incoming;
  return (
    list.find(
      (c) =>
        sameHost(c.host, endpoint.host) &&
        c.port === endpoint.port &&
        c.security === endpoint.security,
    ) ?? null
  );
}

/** `hoster`: settings from the company the domain's MX points at, not known to be a provider. */
export type ConsentReason = 'plain' | 'cert' | 'untrusted-source' | 'hoster';

/** Why a password may go to this endpoint only with the person's explicit consent (or null). */
export function consentReason(
  endpoint: Endpoint,
  report: CheckReport | null,
): ConsentReason | null {
  if (endpoint.security === 'plain') return 'plain';
  if (certificateProblem(endpoint, report) !== null) return 'cert';
  const candidate = candidateFor(endpoint, report);
  if (candidate?.trusted === false) return candidate.hoster ? 'hoster' : 'untrusted-source';
  return null;
}

/**
 * What the person's consent for this endpoint is recorded as: the hoster's domain for settings
 * from an unknown hoster (one answer covers its incoming and outgoing servers), else the host.
 */
export function consentKey(endpoint: Endpoint, report: CheckReport | null): string {
  const candidate = candidateFor(endpoint, report);
  return consentReason(endpoint, report) === 'hoster' && candidate
    ? sourceConsentDomain(candidate)
    : endpoint.host;
}

export function needsConsent(endpoint: Endpoint, report: CheckReport | null): boolean {
  return consentReason(endpoint, report) !== null;
}

/** The SHA-256 of the certificate the check's probe saw on this endpoint (host, port, security). */
export function probedFingerprint(endpoint: Endpoint, report: CheckReport | null): string | null {
  if (endpoint.security === 'plain') return null;
  const probe = report?.probes.find((p) => sameHost(p.host, endpoint.host));
  const port = probe?.ports.find(
    (p) => p.port === endpoint.port && p.security === endpoint.security,
  );
  return port?.tls?.certificate?.sha256 || null;
}

/** The host (or domain) a consent entry is about (shared/consent.ts forms). */
export function consentHost(entry: string): string {
  const consent = parseConsent(entry);
  return consent ? consentSubject(consent) : entry;
}

/**
 * The consents the engine gets (`allowInsecure`, written by shared/consent.ts), for the endpoints
 * the person consented to:
 * - plaintext gives a plaintext consent for the host (nothing to pin);
 * - a certificate problem, or a host the last login refused for its certificate (`refused`), pins
 *   the certificate the person was shown: `host#sha256` from the check's probe of that host and
 *   port, so a man in the middle with another certificate is still refused before the password is
 *   sent. Without a probed certificate there is nothing to pin and no consent is sent;
 * - an untrusted source gives a source consent naming the host (an unknown hoster's: naming the
 *   hoster's domain): the certificate is still checked.
 */
export function insecureHosts(
  endpoints: readonly Endpoint[],
  report: CheckReport | null,
  consents: readonly string[],
  refused: ReadonlySet<string> = new Set(),
): string[] {
  const entries = new Set<string>();
  for (const endpoint of endpoints) {
    const key = consentKey(endpoint, report);
    if (!consents.includes(key)) continue;
    const reason = consentReason(endpoint, report);
    if (reason === 'hoster') {
      entries.add(sourceConsent(key));
      continue;
    }
    if (candidateFor(endpoint, report)?.trusted === false)
      entries.add(sourceConsent(endpoint.host));
    if (endpoint.security === 'plain') {
      entries.add(plaintextConsent(endpoint.host));
      continue;
    }
    if (reason !== 'cert' && !refused.has(endpoint.host)) continue;
    const sha256 = probedFingerprint(endpoint, report);
    if (sha256) entries.add(certificateConsent(endpoint.host, sha256));
  }
  return [...entries];
}

/** One risk that needs (or got) the person's consent: a host and why. */
export interface Risk {
  host: string;
  reason: ConsentReason;
  /** The certificate finding behind a `cert` risk (what exactly is wrong), when known. */
  problem: Finding | null;
}

/** The certificate finding of an endpoint, or one made from what the probe saw. */
function certificateFinding(endpoint: Endpoint, report: CheckReport | null): Finding | null {
  const code = certificateProblem(endpoint, report);
  if (!code) return null;
  const found = findingsFor(endpoint, report).find((f) => f.code === code);
  if (found) return found;
  const probe = report?.probes.find((p) => sameHost(p.host, endpoint.host));
  const cert = probe?.ports.find((p) => p.port === endpoint.port)?.tls?.certificate;
  const date = code === 'cert-not-yet-valid' ? cert?.validFrom : cert?.validTo;
  return {
    severity: 'error',
    code,
    host: endpoint.host,
    port: endpoint.port,
    protocol: endpoint.protocol,
    params: {
      ...(date ? { date: date.slice(0, 10) } : {}),
      ...(cert ? { names: cert.altNames.join(', ') } : {}),
    },
  };
}

/** The risks of these endpoints, one per host (the first side's reason wins), in order. */
export function risksOf(endpoints: readonly Endpoint[], report: CheckReport | null): Risk[] {
  const risks: Risk[] = [];
  for (const endpoint of endpoints) {
    const reason = consentReason(endpoint, report);
    const host = consentKey(endpoint, report);
    if (!reason || risks.some((r) => sameHost(r.host, host))) continue;
    risks.push({
      host,
      reason,
      problem: reason === 'cert' ? certificateFinding(endpoint, report) : null,
    });
  }
  return risks;
}

/** The risks the person accepted and that stay real (plaintext, a bad certificate). */
export function acceptedRisks(
  endpoints: readonly Endpoint[],
  report: CheckReport | null,
  consents: readonly string[],
): Risk[] {
  return risksOf(endpoints, report).filter(
    (risk) =>
      risk.reason !== 'untrusted-source' &&
      risk.reason !== 'hoster' &&
      consents.includes(risk.host),
  );
}

/** Findings a consent already puts into words: the card does not repeat them. */
const SAID_BY_CONSENT: Record<ConsentReason, ReadonlySet<string>> = {
  plain: new Set([
    'recommended-plaintext',
    'plaintext-only',
    'auth-before-tls',
    'starttls-missing',
  ]),
  cert: new Set([...CERTIFICATE_FINDINGS, 'recommended-invalid-cert']),
  'untrusted-source': new Set(['untrusted-source']),
  hoster: new Set(['untrusted-source', 'hoster-unconfirmed']),
};

/** The findings a card shows for an endpoint: without those its consent already says. */
export function cardFindings(endpoint: Endpoint, report: CheckReport | null): Finding[] {
  const reason = consentReason(endpoint, report);
  const findings = findingsFor(endpoint, report);
  // A server without any encryption: "login before encryption" is no separate problem.
  const plainOnly = endpoint.security === 'plain';
  return findings.filter(
    (f) =>
      !(reason && SAID_BY_CONSENT[reason].has(f.code)) &&
      !(plainOnly && SAID_BY_CONSENT.plain.has(f.code)),
  );
}
