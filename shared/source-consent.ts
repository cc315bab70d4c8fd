/**
 * Consent to an untrusted source, in one place for the CLI, the wizard and the engine. The unit of
 * consent is what the person can judge: for settings that came through an unknown hoster's MX
 * record it is the hoster (its registrable domain, `Candidate.hoster`: "Mail for your-domain is
 * handled by hoster.example. Is that your email provider or hosting company?"), one answer for
 * all of its servers; for any other untrusted candidate it is the candidate's host. Consent to a
 * source never relaxes TLS: a certificate or plaintext problem needs its own consent.
 */
import type { Candidate } from './model.ts';

type Consentable = Pick<Candidate, 'host' | 'trusted'> & { hoster?: string };

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/** What one consent for this candidate names: its hoster's domain, else its host. */
export function consentUnit(candidate: Consentable): string {
  return normalise(candidate.hoster ?? candidate.host);
}

/** The distinct consent units the untrusted candidates among `candidates` need. */
export function consentUnits(candidates: ReadonlyArray<Consentable | null>): string[] {
  const units = candidates.flatMap((c) => (c && !c.trusted ? [consentUnit(c)] : []));
  return [...new Set(units)];
}

/** True when the candidate is trusted or an accepted entry (host or hoster domain) covers it. */
export function sourceAccepted(candidate: Consentable, accepted: readonly string[]): boolean {
  if (candidate.trusted) return true;
  const wanted = new Set(accepted.map(normalise));
  return wanted.has(normalise(candidate.host)) || wanted.has(consentUnit(candidate));
}
