/**
 * RFC 6186 / RFC 8314 SRV discovery. Records are ordered per RFC 2782 (priority ascending, then
 * weighted random selection within a priority); a target of "." means the service is not offered.
 */
import type { Candidate, Protocol, Security } from '../../../shared/model.ts';
import type { ParsedAddress } from '../../../shared/address.ts';
import { cleanHostname, cleanPort } from './sanitize.ts';
import type { DiscoveryDns, Found, SourceAnswer } from './types.ts';

export interface SrvRecord {
  name: string;
  port: number;
  priority: number;
  weight: number;
}

/** The services asked, implicit TLS first (RFC 8314 prefers it). */
export const SRV_SERVICES: ReadonlyArray<{
  label: string;
  protocol: Protocol;
  security: Security;
}> = [
  { label: '_imaps._tcp', protocol: 'imap', security: 'tls' },
  { label: '_imap._tcp', protocol: 'imap', security: 'starttls' },
  { label: '_pop3s._tcp', protocol: 'pop3', security: 'tls' },
  { label: '_pop3._tcp', protocol: 'pop3', security: 'starttls' },
  { label: '_submissions._tcp', protocol: 'smtp', security: 'tls' },
  { label: '_submission._tcp', protocol: 'smtp', security: 'starttls' },
];

/**
 * Orders records by priority, then by RFC 2782 weighted selection (`random` in [0,1) injectable
 * for tests). Records with target "." are dropped: the service is explicitly not offered.
 */
export function orderSrvRecords(
  records: readonly SrvRecord[],
  random: () => number = Math.random,
): SrvRecord[] {
  const offered = records.filter((record) => record.name !== '.' && record.name !== '');
  const priorities = [...new Set(offered.map((record) => record.priority))].sort((a, b) => a - b);
  const ordered: SrvRecord[] = [];
  for (const priority of priorities) {
    // Zero-weight records first, as RFC 2782 asks, so that they have a small chance of selection.
    const pool = offered
      .filter((record) => record.priority === priority)
      .sort((a, b) => (a.weight === 0 ? 0 : 1) - (b.weight === 0 ? 0 : 1));
    while (pool.length > 0) {
      const total = pool.reduce((sum, record) => sum + record.weight, 0);
      const threshold = random() * (total + 1);
      let running = 0;
      let index = pool.findIndex((record) => (running += record.weight) >= threshold);
      if (index < 0) index = pool.length - 1;
      ordered.push(...pool.splice(index, 1));
    }
  }
  return ordered;
}

/** Looks up every SRV service of the domain and turns the records into candidates. */
export async function srvCandidates(
  address: ParsedAddress,
  dns: DiscoveryDns,
  signal: AbortSignal,
): Promise<SourceAnswer> {
  const answers = await Promise.all(
    SRV_SERVICES.map(async (service) => ({
      service,
      answer: await dns.srv(`${service.label}.${address.domain}`, signal),
    })),
  );
  const found: Found = { incoming: [], outgoing: [] };
  let failures = 0;
  for (const { service, answer } of answers) {
    if (!answer.ok) {
      failures++;
      continue;
    }
    for (const record of orderSrvRecords(answer.value)) {
      const host = cleanHostname(record.name);
      const port = cleanPort(record.port);
      if (!host || !port) continue;
      const candidate: Candidate = {
        protocol: service.protocol,
        host,
        port,
        security: service.security,
        username: address.address,
        auth: [],
        source: 'srv',
        origin: `${service.label}.${address.domain} SRV ${record.priority} ${record.weight} ${record.port} ${record.name}`,
        // RFC 6186 §6: a target outside the queried domain needs confirmation.
        trusted: host === address.domain || host.endsWith(`.${address.domain}`),
      };
      (service.protocol === 'smtp' ? found.outgoing : found.incoming).push(candidate);
    }
  }
  if (found.incoming.length + found.outgoing.length > 0) {
    const trusted = [...found.incoming, ...found.outgoing].every((candidate) => candidate.trusted);
    return { outcome: 'found', found, trusted };
  }
  if (failures === SRV_SERVICES.length) {
    const first = answers[0]?.answer;
    return {
      outcome: 'error',
      error: 'dns-error',
      detail: first && !first.ok ? first.detail : undefined,
      trusted: false,
    };
  }
  return { outcome: 'none', trusted: true };
}
