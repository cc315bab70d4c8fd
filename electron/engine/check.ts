/**
 * `check` without a password: discover candidates, probe every distinct candidate host once, rank
 * and recommend one incoming and one outgoing endpoint with the username to use. A recommendation
 * that is not safe as it stands (plaintext, invalid certificate) carries an error finding; one
 * from an untrusted source a warning. Progress streams out as events.
 */
import type { CheckEvent, CheckReport, Recommendation } from '../../shared/reports.ts';
import type { ParsedAddress } from '../../shared/address.ts';
import type { Finding, ProbeReport } from '../../shared/model.ts';
import { findProviderById } from '../../shared/providers/index.ts';
import {
  defaultProber,
  discoverSettings,
  type DiscoverOptions,
  type DiscoveryResult,
} from './discover/index.ts';
import { createResolver } from './net/resolver.ts';
import type { ProbeOptions } from './probe/index.ts';
import { planHosts, ProbeCache, probeHosts } from './check-probes.ts';
import { pickBest, rankCandidates, recommendationFindings } from './rank.ts';
import { runToEnd } from './run-to-end.ts';

export type { CheckEvent, CheckReport, Recommendation } from '../../shared/reports.ts';

export type CheckOptions = DiscoverOptions & ProbeOptions;

/** Findings that come from what discovery learnt, not from a port. */
function discoveryFindings(result: DiscoveryResult): Finding[] {
  const provider = result.provider ? findProviderById(result.provider) : undefined;
  if (!provider?.noImap) return [];
  return [
    {
      severity: 'error',
      code: 'no-imap-offered',
      params: { host: provider.name, provider: provider.name },
    },
  ];
}

export async function* checkAddress(
  address: ParsedAddress,
  options: CheckOptions = {},
): AsyncGenerator<CheckEvent, CheckReport> {
  const resolver = options.resolver ?? createResolver({ timeoutMs: options.timeoutMs });
  const cache = new ProbeCache();
  const discoverOptions: DiscoverOptions = {
    ...options,
    resolver,
    prober: cache.prober(options.prober ?? defaultProber(options, resolver)),
  };
  const discovery = discoverSettings(address, discoverOptions);
  let result: DiscoveryResult;
  for (;;) {
    const step = await discovery.next();
    if (step.done) {
      result = step.value;
      break;
    }
    yield step.value;
  }

  let probes: ProbeReport[] = [];
  if (!options.offline) {
    const plans = planHosts(result.incoming, result.outgoing);
    const probing = probeHosts(plans, { ...options, resolver }, cache);
    for (;;) {
      const step = await probing.next();
      if (step.done) {
        probes = step.value;
        break;
      }
      yield step.value;
    }
  }

  const incoming = rankCandidates(result.incoming, probes);
  const outgoing = rankCandidates(result.outgoing, probes);
  const recommended: Recommendation = {
    incoming: pickBest(incoming, probes),
    outgoing: pickBest(outgoing, probes),
    username: null,
  };
  recommended.username = recommended.incoming?.username ?? recommended.outgoing?.username ?? null;
  const findings = [
    ...discoveryFindings(result),
    ...recommendationFindings(recommended.incoming, probes),
    ...recommendationFindings(recommended.outgoing, probes),
    ...probes.flatMap((report) => report.findings),
  ];
  const report: CheckReport = { ...result, incoming, outgoing, probes, findings, recommended };
  yield { type: 'check-done', report };
  return report;
}

/** `checkAddress` without progress events. */
export async function check(
  address: ParsedAddress,
  options: CheckOptions = {},
): Promise<CheckReport> {
  return runToEnd(checkAddress(address, options));
}
