/**
 * Guessing, the last resort: probe the usual host names of the domain on the standard ports and
 * keep every port that answered with the expected protocol; under an unknown MX hoster, its names
 * too. The probe reports are kept so that
 * `check` does not probe the same hosts twice.
 */
import type { ParsedAddress } from '../../../shared/address.ts';
import {
  type Candidate,
  type PortResult,
  type ProbeReport,
  type Protocol,
} from '../../../shared/model.ts';
import { loginMethodOf } from '../../../shared/auth-method.ts';
import type { HostedBy } from '../../../shared/model.ts';
import { acceptedThenSilent } from '../probe/findings.ts';
import { viaMx } from './mx-source.ts';
import type { Found, SourceAnswer } from './types.ts';

/** Probes one host on the standard ports of the given protocols (a cache may sit in front). */
export type HostProber = (
  host: string,
  protocols: readonly Protocol[],
  signal: AbortSignal,
) => Promise<ProbeReport>;

export interface GuessHost {
  host: string;
  /** What a host of that name is expected to speak. */
  protocols: Protocol[];
}

const ALL: Protocol[] = ['imap', 'pop3', 'smtp'];

/** Host names tried (Thunderbird's list, specific names first) and what each stands for. */
export function guessHosts(domain: string): GuessHost[] {
  return [
    { host: `imap.${domain}`, protocols: ['imap'] },
    { host: `pop3.${domain}`, protocols: ['pop3'] },
    { host: `pop.${domain}`, protocols: ['pop3'] },
    { host: `smtp.${domain}`, protocols: ['smtp'] },
    { host: `mail.${domain}`, protocols: ALL },
    { host: domain, protocols: ALL },
  ];
}

/**
 * Most hosts one guess probes, all at once: the domain's six names plus four under an unknown
 * MX hoster. With at most seven standard ports each, that bounds the connections of a guess.
 */
export const MAX_GUESS_HOSTS = 10;

/** Host names under an unknown MX hoster (`imap.`, `smtp.`, `mail.` of its domain, the MX host). */
export function hosterGuessHosts(hosterDomain: string, mxHost: string): GuessHost[] {
  const hosts: GuessHost[] = [
    { host: `imap.${hosterDomain}`, protocols: ['imap'] },
    { host: `smtp.${hosterDomain}`, protocols: ['smtp'] },
    { host: `mail.${hosterDomain}`, protocols: ALL },
    { host: mxHost, protocols: ALL },
  ];
  return hosts.filter((entry, index) => hosts.findIndex((h) => h.host === entry.host) === index);
}

function toCandidate(address: ParsedAddress, report: ProbeReport, port: PortResult): Candidate {
  const authMethod = loginMethodOf(port.auth);
  return {
    protocol: port.protocol,
    host: report.host,
    port: port.port,
    security: port.security,
    username: address.address,
    ...(authMethod ? { authMethod } : {}),
    auth: port.auth,
    source: 'guess',
    origin: `${report.host}:${port.port}`,
    trusted: true,
  };
}

/** Candidates from probe reports: ports that answered (`ok`) with an expected protocol. */
export function candidatesFromProbes(
  address: ParsedAddress,
  reports: ReadonlyArray<{ report: ProbeReport; protocols: readonly Protocol[] }>,
): Found {
  const found: Found = { incoming: [], outgoing: [] };
  for (const { report, protocols } of reports) {
    for (const port of report.ports) {
      if (port.status !== 'ok' || !protocols.includes(port.protocol)) continue;
      const candidate = toCandidate(address, report, port);
      (port.protocol === 'smtp' ? found.outgoing : found.incoming).push(candidate);
    }
  }
  return found;
}

/** An unknown hoster the domain's MX names: guessing tries its host names too (untrusted). */
export interface GuessHoster {
  hostedBy: HostedBy;
  mxHost: string;
}

/**
 * Probes every guessed host at once: the domain's own names (trusted: same domain, the probe
 * checks the certificate) and, when `hoster` resolves to an unknown MX hoster, its names
 * (untrusted, marked with the hoster). A silent domain costs about one probe timeout.
 */
export async function guessSource(
  address: ParsedAddress,
  prober: HostProber,
  signal: AbortSignal,
  hoster?: Promise<GuessHoster | null>,
): Promise<SourceAnswer> {
  // At most MAX_GUESS_HOSTS hosts, all at once: guessing is the last source, time matters most.
  const probeAll = (hosts: readonly GuessHost[]) =>
    Promise.all(
      hosts.map(async ({ host, protocols }) => ({
        report: await prober(host, protocols, signal),
        protocols,
      })),
    );
  const own = probeAll(guessHosts(address.domain));
  const theirs = (async () => {
    const found = await hoster;
    if (!found || signal.aborted) return null;
    const hosts = hosterGuessHosts(found.hostedBy.domain, found.mxHost).slice(
      0,
      MAX_GUESS_HOSTS - guessHosts(address.domain).length,
    );
    return { found, reports: await probeAll(hosts) };
  })();
  const [ownReports, hosterReports] = await Promise.all([own, theirs]);
  if (signal.aborted) return { outcome: 'error', error: 'timeout', trusted: true };
  const result = candidatesFromProbes(address, ownReports);
  if (hosterReports) {
    const { hostedBy } = hosterReports.found;
    const other = candidatesFromProbes(address, hosterReports.reports);
    const mark = (candidate: Candidate) =>
      viaMx(candidate, hostedBy, `${hostedBy.via} -> ${candidate.origin ?? candidate.host}`);
    result.incoming.push(...other.incoming.map(mark));
    result.outgoing.push(...other.outgoing.map(mark));
    if (other.incoming.length + other.outgoing.length > 0) result.hostedBy = hostedBy;
  }
  if (result.incoming.length + result.outgoing.length === 0) {
    const reached = [...ownReports, ...(hosterReports?.reports ?? [])].some(({ report }) =>
      report.ports.some(acceptedThenSilent),
    );
    // Servers took the connection and then said nothing: not "nothing here".
    if (reached)
      return { outcome: 'error', error: 'timeout', detail: 'no-greeting', trusted: true };
    return { outcome: 'none', trusted: true };
  }
  return { outcome: 'found', found: result, trusted: true };
}
