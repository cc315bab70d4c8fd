/**
 * `check` without a password: discover candidates, probe every distinct candidate host once, rank
 * and recommend one incoming and one outgoing endpoint with the username to use. A recommendation
 * that is not safe as it stands (plaintext, invalid certificate) carries an error finding; one
 * from an untrusted source a warning. Progress streams out as events.
 */
import type { ParsedAddress } from '../../shared/address.ts';
import type { Candidate, Finding, ProbeReport } from '../../shared/model.ts';
import { findProviderById } from '../../shared/providers/index.ts';
import {
  defaultProber,
  discoverSettings,
  type DiscoverEvent,
  type DiscoverOptions,
  type DiscoveryResult,
} from './discover/index.ts';
import { createResolver } from './net/resolver.ts';
import type { ProbeEvent, ProbeOptions } from './probe/index.ts';
import { planHosts, ProbeCache, probeHosts } from './check-probes.ts';
import { pickBest, rankCandidates, recommendationFindings } from './rank.ts';
import { runToEnd } from './run-to-end.ts';

export interface Recommendation {
  /** `authMethod: 'oauth2'` = the mail program signs in on the provider's page (no password). */
  incoming: Candidate | null;
  outgoing: Candidate | null;
  /**
   * The username to use. After a login test it is the one the server accepted (incoming, else
   * outgoing), and `incoming.username` / `outgoing.username` are the ones each server accepted.
   */
  username: string | null;
  /** Set after a login test: the username each server accepted (only the ones that worked). */
  proven?: { incoming?: string; outgoing?: string };
}

export interface CheckReport extends DiscoveryResult {
  probes: ProbeReport[];
  findings: Finding[];
  recommended: Recommendation;
}

export type CheckOptions = DiscoverOptions & ProbeOptions;

export type CheckEvent =
  DiscoverEvent | (ProbeEvent & { host: string }) | { type: 'check-done'; report: CheckReport };

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
