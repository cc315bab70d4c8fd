/**
 * The MX check: the domain has MX records (a null MX, RFC 7505, says it takes no mail), each host
 * resolves and answers on port 25 with STARTTLS and a valid certificate (the probe engine judges
 * that), and, when the account is at a known provider, the MX names that provider. The probes'
 * certificate findings (expired, expiring soon) become `certificates` findings.
 */
import type { HealthFinding, HealthRecord } from '../../../shared/health.ts';
import type { ProbeReport } from '../../../shared/model.ts';
import { matchMx } from '../../../shared/providers/match.ts';
import type { Provider } from '../../../shared/providers/types.ts';
import { probe } from '../probe/index.ts';
import type { HealthDns } from './dns.ts';
import { finding } from './findings.ts';

/** MX hosts probed at most (in priority order). */
export const MAX_MX_PROBED = 4;

/** Reports shared between the checks of one batch: hoster domains share their MX hosts. */
export interface MxProbeCache {
  get(host: string): Promise<ProbeReport> | undefined;
  set(host: string, report: Promise<ProbeReport>): void;
}

/** A cache that keeps the `limit` most recently added hosts (memory stays flat in a batch). */
export function boundedProbeCache(limit = 256): MxProbeCache {
  const entries = new Map<string, Promise<ProbeReport>>();
  return {
    get: (host) => entries.get(host),
    set(host, report) {
      entries.delete(host);
      entries.set(host, report);
      if (entries.size > limit) entries.delete(entries.keys().next().value as string);
    },
  };
}

export interface MxLookup {
  hosts: string[];
  records: HealthRecord[];
  findings: HealthFinding[];
}

export async function lookupMx(dns: HealthDns, domain: string): Promise<MxLookup> {
  const answer = await dns.mx(domain);
  if (!answer.ok) {
    return {
      hosts: [],
      records: [],
      findings: [finding('mx', 'error', 'mx-lookup-failed', { domain, reason: answer.code })],
    };
  }
  const records = answer.value.map((r): HealthRecord => ({
    check: 'mx',
    name: domain,
    type: 'MX',
    value: `${r.priority} ${r.exchange || '.'}`,
  }));
  if (answer.value.length === 0)
    return { hosts: [], records, findings: [finding('mx', 'error', 'mx-missing', { domain })] };
  const hosts = answer.value
    .map((r) => r.exchange.toLowerCase().replace(/\.$/, ''))
    .filter((h) => h !== '');
  if (hosts.length === 0)
    return { hosts, records, findings: [finding('mx', 'info', 'mx-null', { domain })] };
  return { hosts: [...new Set(hosts)], records, findings: [] };
}

export interface MxProbeSettings {
  dns: HealthDns;
  ca?: string[];
  timeoutMs?: number;
  signal?: AbortSignal;
  cache?: MxProbeCache;
}

function probeMx(host: string, settings: MxProbeSettings): Promise<ProbeReport> {
  const cached = settings.cache?.get(host);
  if (cached) return cached;
  const report = probe(host, {
    ports: [{ port: 25, protocol: 'smtp', security: 'starttls' }],
    resolver: settings.dns.resolver,
    ca: settings.ca,
    timeoutMs: settings.timeoutMs,
    signal: settings.signal,
  });
  settings.cache?.set(host, report);
  return report;
}

/** Findings about one MX host's port 25. */
function hostFindings(report: ProbeReport): HealthFinding[] {
  const host = report.host;
  const out: HealthFinding[] = [];
  const unresolved = report.findings.find((f) => f.code === 'host-unresolved');
  if (unresolved)
    return [
      {
        ...finding('mx', 'error', 'mx-unresolvable', {
          host,
          reason: String(unresolved.params?.reason ?? ''),
        }),
        host,
      },
    ];
  const port = report.ports.find((p) => p.port === 25);
  if (!port || ['refused', 'timeout', 'unreachable', 'closed'].includes(port.status)) {
    return [
      {
        ...finding('mx', 'error', 'mx-unreachable', {
          host,
          reason: port?.error ?? port?.status ?? '',
        }),
        host,
        port: 25,
      },
    ];
  }
  if (port.security !== 'starttls' || !port.tls) {
    out.push({
      ...finding('mx', 'error', 'mx-no-starttls', { host, reason: port.error ?? '' }),
      host,
      port: 25,
    });
  } else if (!port.tls.trusted || !port.tls.hostnameMatch) {
    const reason = port.tls.hostnameMatch ? (port.tls.error ?? '') : 'hostname';
    out.push({ ...finding('mx', 'warning', 'mx-cert-invalid', { host, reason }), host, port: 25 });
  }
  for (const f of report.findings) {
    if (f.code === 'cert-expired' || f.code === 'cert-expiring-soon') {
      out.push({
        ...finding('certificates', f.severity, f.code, { ...f.params, host, port: 25 }),
        host,
        port: 25,
      });
    }
  }
  return out;
}

export async function probeMxHosts(
  hosts: readonly string[],
  settings: MxProbeSettings,
): Promise<{ probes: ProbeReport[]; findings: HealthFinding[] }> {
  const probes = await Promise.all(hosts.slice(0, MAX_MX_PROBED).map((h) => probeMx(h, settings)));
  return { probes, findings: probes.flatMap(hostFindings) };
}

/** A warning when the account's provider is known and no MX host belongs to it. */
export function providerMxFindings(
  hosts: readonly string[],
  expected: Provider | undefined,
): HealthFinding[] {
  if (!expected || expected.mxPatterns.length === 0 || hosts.length === 0) return [];
  if (hosts.some((h) => matchMx([expected], h).length > 0)) return [];
  return [
    finding('mx', 'warning', 'mx-not-provider', {
      provider: expected.name,
      hosts: hosts.join(', '),
    }),
  ];
}
