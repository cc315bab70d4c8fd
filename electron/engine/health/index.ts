/**
 * Domain health: what a domain publishes for its mail and what is wrong with it — MX (and each MX
 * host's STARTTLS certificate on port 25), SPF, DKIM, DMARC, MTA-STS, TLS-RPT — as one
 * `HealthReport` of records found and findings with stable codes. Plain Node (no Electron). The
 * provider (by the account's provider id, the address domain, else the MX) decides which SPF
 * include and DKIM keys are expected, and the records to publish when they are missing.
 */
import { setMaxListeners } from 'node:events';
import type { HealthFinding, HealthReport } from '../../../shared/health.ts';
import {
  findProviderByDomain,
  findProviderById,
  findProvidersByMx,
} from '../../../shared/providers/index.ts';
import type { Provider } from '../../../shared/providers/types.ts';
import { dnsRecordsOf } from '../../../shared/providers/catalog/build.ts';
import { discoveryDns } from '../discover/dns.ts';
import { DEFAULT_STEP_TIMEOUT_MS } from '../net/connection.ts';
import type { Resolver } from '../net/resolver.ts';
import { healthDns, withTxt } from './dns.ts';
import { checkDkim } from './dkim.ts';
import { checkDmarc } from './dmarc.ts';
import { finding } from './findings.ts';
import { checkMtaSts, checkTlsRpt } from './mta-sts.ts';
import { lookupMx, probeMxHosts, providerMxFindings, type MxProbeCache } from './mx.ts';
import { checkSpf } from './spf.ts';

export { boundedProbeCache, type MxProbeCache } from './mx.ts';
export { validSelector, MAX_DKIM_SELECTORS } from './dkim.ts';

export interface HealthOptions {
  resolver?: Resolver;
  ca?: string[];
  /** Per network step (DNS query, connection, fetch), default 10000 ms. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Selectors the helpdesk names, asked besides the provider's and the common ones. */
  dkimSelectors?: readonly string[];
  /** The provider the account is at (e.g. from discovery), by id. */
  providerId?: string;
  /** Shared MX probe reports (batch mode). */
  probeCache?: MxProbeCache;
  /** Skip the port-25 probes (DNS records only). */
  noProbe?: boolean;
}

function pickProvider(
  domain: string,
  mxHosts: readonly string[],
  providerId?: string,
): Provider | undefined {
  const byId = providerId ? findProviderById(providerId) : undefined;
  if (byId) return byId;
  const byDomain = findProviderByDomain(domain);
  if (byDomain) return byDomain;
  for (const host of mxHosts) {
    const hit = findProvidersByMx(host)[0];
    if (hit) return hit;
  }
  return undefined;
}

/** Domains whose mail the provider hosts (not its own address domains) publish its records. */
function hostedRecords(provider: Provider | undefined, domain: string): Provider | undefined {
  if (!provider?.dns) return undefined;
  return provider.domains.includes(domain) ? undefined : provider;
}

/** The health of `domain` (ASCII, lower-case). Never throws for a network reason. */
export async function checkDomainHealth(
  domain: string,
  options: HealthOptions = {},
): Promise<HealthReport> {
  const started = performance.now();
  // Every DKIM selector, include and fetch listens on the caller's signal at once.
  if (options.signal) setMaxListeners(64, options.signal);
  const timeoutMs = options.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  const dns = healthDns(withTxt(options.resolver, timeoutMs), options.signal);
  const mx = await lookupMx(dns, domain);
  const provider = pickProvider(domain, mx.hosts, options.providerId);
  const expected = options.providerId ? provider : findProviderByDomain(domain);
  const hosted = hostedRecords(provider, domain);
  const fetchDns = discoveryDns(dns.resolver);
  const [spf, dkim, dmarc, mtaSts, probes] = await Promise.all([
    checkSpf(dns, domain, hosted?.dns?.spfInclude),
    checkDkim(dns, domain, hosted, options.dkimSelectors ?? []),
    checkDmarc(dns, domain),
    checkMtaSts(dns, domain, mx.hosts, {
      dns: fetchDns,
      ca: options.ca,
      timeoutMs,
      signal: options.signal,
    }),
    options.noProbe
      ? Promise.resolve({ probes: [], findings: [] as HealthFinding[] })
      : probeMxHosts(mx.hosts, {
          dns,
          ca: options.ca,
          timeoutMs,
          signal: options.signal,
          cache: options.probeCache,
        }),
  ]);
  const tlsRpt = await checkTlsRpt(dns, domain, mtaSts.mode !== null);
  const findings: HealthFinding[] = [
    ...mx.findings,
    ...providerMxFindings(mx.hosts, expected),
    ...probes.findings,
    ...spf.findings,
    ...dkim.findings,
    ...dmarc.findings,
    ...mtaSts.findings,
    ...tlsRpt.findings,
  ];
  // A strict DMARC policy with no key at the provider's selectors: mail passes only through SPF,
  // which breaks on forwarding.
  const providerKeyMissing = dkim.findings.some((f) => f.code === 'dkim-provider-key-missing');
  if (hosted && dmarc.policy && dmarc.policy !== 'none' && providerKeyMissing) {
    findings.push(finding('dmarc', 'warning', 'dmarc-alignment-dkim', { provider: hosted.name }));
  }
  const spfMissing = spf.findings.some(
    (f) => f.code === 'spf-missing' || f.code === 'spf-provider-include-missing',
  );
  const toPublish = [
    ...(hosted?.dns && spfMissing ? dnsRecordsOf({ ...hosted.dns, dkimRecords: {} }) : []),
    ...dkim.toPublish,
  ];
  if (provider) for (const f of findings) f.params = { provider: provider.name, ...f.params };
  return {
    domain,
    provider: provider?.id ?? null,
    mx: mx.hosts,
    records: [
      ...mx.records,
      ...spf.records,
      ...dkim.records,
      ...dmarc.records,
      ...mtaSts.records,
      ...tlsRpt.records,
    ],
    findings,
    toPublish,
    probes: probes.probes,
    dnsQueries: dns.queries,
    ms: Math.round(performance.now() - started),
  };
}
