/**
 * How safe one chosen server setting is, in terms the review step can show: the badge for its
 * connection security, the report's findings that concern exactly that host and port, and whether
 * sending a password there needs the person's explicit consent (plaintext, or a certificate that
 * fails validation - DESIGN.md security policy).
 */
import { certificateAccepted, certificateVerdict } from '../../../shared/certificate.ts';
import { CERTIFICATE_FINDINGS } from '../../../shared/codes.ts';
import type { Candidate, Endpoint, Finding, Security } from '../../../shared/model.ts';
import type { CheckReport } from '../../../shared/reports.ts';

export type SecurityBadge = 'encrypted' | 'starttls' | 'unencrypted';

export function badgeOf(security: Security): SecurityBadge {
  if (security === 'tls') return 'encrypted';
  if (security === 'starttls') return 'starttls';
  return 'unencrypted';
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

export type ConsentReason = 'plain' | 'cert' | 'untrusted-source';

/** Why a password may go to this endpoint only with the person's explicit consent (or null). */
export function consentReason(
  endpoint: Endpoint,
  report: CheckReport | null,
): ConsentReason | null {
  if (endpoint.security === 'plain') return 'plain';
  if (certificateProblem(endpoint, report) !== null) return 'cert';
  if (candidateFor(endpoint, report)?.trusted === false) return 'untrusted-source';
  return null;
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

/** The host a consent entry (`host` or `host#sha256`) is about. */
export function consentHost(entry: string): string {
  return entry.split('#')[0]!;
}

/**
 * The consents the engine gets (`allowInsecure`), for consented endpoints that are plaintext, have
 * a certificate problem, or were refused by the last login for exactly that (`refused`):
 * - a certificate problem pins the certificate the person was shown: `host#sha256` from the
 *   check's probe of that host and port, so a man in the middle with another certificate is still
 *   refused before the password is sent;
 * - plaintext (nothing to pin), or an endpoint no probe saw (changed by hand), gives the bare
 *   `host`.
 * Consent to an untrusted source accepts the host, not an unverified connection to it, so the
 * certificate is still checked there.
 */
export function insecureHosts(
  endpoints: readonly Endpoint[],
  report: CheckReport | null,
  consents: readonly string[],
  refused: ReadonlySet<string> = new Set(),
): string[] {
  const entries = new Set<string>();
  for (const endpoint of endpoints) {
    const reason = consentReason(endpoint, report);
    const insecure = reason === 'plain' || reason === 'cert' || refused.has(endpoint.host);
    if (!insecure || !consents.includes(endpoint.host)) continue;
    const sha256 = probedFingerprint(endpoint, report);
    entries.add(sha256 ? `${endpoint.host}#${sha256}` : endpoint.host);
  }
  return [...entries];
}
