/**
 * Choosing settings: candidates ranked with what the probes saw. Pure functions, no I/O.
 *
 * Order (most important first):
 * 1. the port answered with its protocol (not probed comes next, failed last);
 *    then a server that takes a password over one that takes OAuth2 only (an OAuth2-only server
 *    is recommended only when nothing else is, and never for a password login);
 * 2. encrypted with a valid certificate > encrypted with an invalid one >> plaintext
 *    (a valid STARTTLS server beats an implicit-TLS one whose certificate fails: only the first
 *    can receive a password without the person's consent);
 * 3. implicit TLS > STARTTLS > plain (as reached, not as announced);
 * 4. a trusted source; 5. IMAP over POP3, submission ports over relay port 25;
 * 6. the source's priority (the order discovery returned them in).
 */
import { certificateAccepted } from '../../../shared/certificate.ts';
import type {
  Candidate,
  Finding,
  PortResult,
  ProbeReport,
  Security,
} from '../../../shared/model.ts';

/** What the probes say about one candidate. */
export interface CandidateFacts {
  reach: 'ok' | 'unknown' | 'failed';
  /** How the port was reached when probed, else as the source announced it. */
  security: Security;
  /** null when not probed or not encrypted. */
  certificateValid: boolean | null;
  port?: PortResult;
}

const RELAY_PORT = 25;

/** The probe result for a candidate's host and port, if any. */
export function portResultFor(
  candidate: Candidate,
  probes: readonly ProbeReport[],
): PortResult | undefined {
  const report = probes.find((entry) => entry.host === candidate.host);
  return report?.ports.find((port) => port.port === candidate.port);
}

export function factsFor(candidate: Candidate, probes: readonly ProbeReport[]): CandidateFacts {
  const port = portResultFor(candidate, probes);
  if (!port) return { reach: 'unknown', security: candidate.security, certificateValid: null };
  const ok = port.status === 'ok' && port.protocol === candidate.protocol;
  const tls = port.tls;
  return {
    reach: ok ? 'ok' : 'failed',
    security: ok ? port.security : candidate.security,
    certificateValid: tls ? certificateAccepted(tls) : null,
    port,
  };
}

function score(candidate: Candidate, facts: CandidateFacts): number[] {
  const reach = facts.reach === 'ok' ? 2 : facts.reach === 'unknown' ? 1 : 0;
  const encrypted = facts.security !== 'plain';
  const safety = !encrypted ? 0 : facts.certificateValid === false ? 1 : 2;
  const security = facts.security === 'tls' ? 2 : facts.security === 'starttls' ? 1 : 0;
  const protocol = candidate.protocol === 'pop3' || candidate.port === RELAY_PORT ? 0 : 1;
  const password = candidate.authMethod === 'oauth2' ? 0 : 1;
  return [reach, password, safety, security, candidate.trusted ? 1 : 0, protocol];
}

/** Best first; ties keep the given (source priority) order. */
export function rankCandidates(
  candidates: readonly Candidate[],
  probes: readonly ProbeReport[],
): Candidate[] {
  const scored = candidates.map((candidate, index) => ({
    candidate,
    index,
    score: score(candidate, factsFor(candidate, probes)),
  }));
  scored.sort((a, b) => {
    for (let i = 0; i < a.score.length; i++) {
      const diff = (b.score[i] ?? 0) - (a.score[i] ?? 0);
      if (diff !== 0) return diff;
    }
    return a.index - b.index;
  });
  return scored.map((entry) => entry.candidate);
}

/**
 * The best candidate, unless every probed one failed: a candidate whose port did not answer is
 * recommended only when nothing was probed at all (offline), never over a working one.
 */
export function pickBest(
  ranked: readonly Candidate[],
  probes: readonly ProbeReport[],
): Candidate | null {
  const best = ranked[0];
  if (!best) return null;
  return factsFor(best, probes).reach === 'failed' ? null : best;
}

/** Error findings for a recommendation that is not safe as it stands, a warning when untrusted. */
export function recommendationFindings(
  candidate: Candidate | null,
  probes: readonly ProbeReport[],
): Finding[] {
  if (!candidate) return [];
  const facts = factsFor(candidate, probes);
  const where = {
    host: candidate.host,
    port: candidate.port,
    protocol: candidate.protocol,
  };
  const params = { host: candidate.host, port: candidate.port, protocol: candidate.protocol };
  const findings: Finding[] = [];
  if (facts.security === 'plain') {
    findings.push({ severity: 'error', code: 'recommended-plaintext', ...where, params });
  } else if (facts.certificateValid === false) {
    const reason =
      facts.port?.tls?.error ??
      (facts.port?.tls?.hostnameMatch === false ? 'hostname-mismatch' : '');
    findings.push({
      severity: 'error',
      code: 'recommended-invalid-cert',
      ...where,
      params: { ...params, reason },
    });
  }
  // An unknown hoster's candidates get one `hoster-unconfirmed` for all of them (check.ts).
  if (!candidate.trusted && candidate.hoster === undefined) {
    findings.push({
      severity: 'warning',
      code: 'untrusted-source',
      ...where,
      params: { ...params, source: candidate.source, origin: candidate.origin ?? '' },
    });
  }
  return findings;
}
