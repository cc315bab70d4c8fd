/**
 * Guessing, the last resort: probe the usual host names of the domain on the standard ports and
 * keep every port that answered with the expected protocol. The probe reports are kept so that
 * `check` does not probe the same hosts twice.
 */
import { forEachLimit } from '../async-flow.ts';
import type { ParsedAddress } from '../../../shared/address.ts';
import {
  STANDARD_PORTS,
  type Candidate,
  type PortResult,
  type ProbeReport,
  type Protocol,
} from '../../../shared/model.ts';
import type { ProbeTarget } from '../probe/index.ts';
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

/** The standard ports (with protocol and security) of the given protocols. */
export function standardPortsFor(protocols: readonly Protocol[]): ProbeTarget[] {
  return STANDARD_PORTS.filter((entry) => protocols.includes(entry.protocol)).map((entry) => ({
    ...entry,
  }));
}

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

/** Hosts probed at once (each probe opens a connection per standard port). */
const HOSTS_AT_ONCE = 3;

function toCandidate(address: ParsedAddress, report: ProbeReport, port: PortResult): Candidate {
  return {
    protocol: port.protocol,
    host: report.host,
    port: port.port,
    security: port.security,
    username: address.address,
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

export async function guessSource(
  address: ParsedAddress,
  prober: HostProber,
  signal: AbortSignal,
): Promise<SourceAnswer> {
  const hosts = guessHosts(address.domain);
  const reports: Array<{ report: ProbeReport; protocols: Protocol[] }> = [];
  await forEachLimit(
    hosts,
    HOSTS_AT_ONCE,
    async ({ host, protocols }, index) => {
      reports[index] = { report: await prober(host, protocols, signal), protocols };
    },
    signal,
  );
  if (signal.aborted) return { outcome: 'error', error: 'timeout', trusted: true };
  const found = candidatesFromProbes(address, reports.filter(Boolean));
  if (found.incoming.length + found.outgoing.length === 0)
    return { outcome: 'none', trusted: true };
  return { outcome: 'found', found, trusted: true };
}
