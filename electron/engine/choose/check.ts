/**
 * `check` without a password: discover candidates, probe every distinct candidate host once, rank
 * and recommend one incoming and one outgoing endpoint with the username to use. A recommendation
 * that is not safe as it stands (plaintext, invalid certificate) carries an error finding; one
 * from an untrusted source a warning. Progress streams out as events.
 */
import type { CheckEvent, CheckReport, Recommendation } from '../../../shared/reports.ts';
import type { ParsedAddress } from '../../../shared/address.ts';
import type { Candidate, Finding, ProbeReport } from '../../../shared/model.ts';
import { findProviderById } from '../../../shared/providers/index.ts';
import { sourceConsentDomains } from '../../../shared/consent.ts';
import {
  defaultProber,
  discoverSettings,
  type DiscoverOptions,
  type DiscoveryResult,
} from '../discover/index.ts';
import { checkDomainHealth, type HealthOptions } from '../health/index.ts';
import { createResolver } from '../net/resolver.ts';
import type { ProbeOptions } from '../probe/index.ts';
import { planHosts, ProbeCache, probeHosts } from './check-probes.ts';
import { pickBest, rankCandidates, recommendationFindings } from './rank.ts';
import { drain } from '../async-flow.ts';

export type { CheckEvent, CheckReport, Recommendation } from '../../../shared/reports.ts';

export type CheckOptions = DiscoverOptions &
  ProbeOptions & {
    /** Also check the domain's records (SPF, DKIM, DMARC, MTA-STS, TLS-RPT, MX). */
    health?: Pick<HealthOptions, 'dkimSelectors' | 'probeCache'>;
  };

/** Findings that come from what discovery learnt, not from a port. */
function discoveryFindings(result: DiscoveryResult): Finding[] {
  const provider = result.provider ? findProviderById(result.provider) : undefined;
  const findings: Finding[] = [];
  const hostedBy = result.hostedBy;
  const hostedByProvider = hostedBy?.provider ? findProviderById(hostedBy.provider) : undefined;
  if (hostedBy?.trusted && hostedByProvider) {
    findings.push({
      severity: 'info',
      code: 'hosted-by',
      params: { domain: result.domain, provider: hostedByProvider.name, via: hostedBy.via },
    });
  }
  if (provider?.noImap) {
    findings.push({
      severity: 'error',
      code: 'no-imap-offered',
      params: { host: provider.name, provider: provider.name },
    });
  }
  return findings;
}

/** One warning per unknown hoster the recommendation relies on (one consent names it). */
function hosterFindings(recommended: Recommendation, result: DiscoveryResult): Finding[] {
  const hosters = sourceConsentDomains(
    [recommended.incoming, recommended.outgoing].filter(
      (c): c is Candidate => c !== null && c.hoster !== undefined,
    ),
  );
  return hosters.map((hoster) => ({
    severity: 'warning',
    code: 'hoster-unconfirmed',
    params: { domain: result.domain, hoster, via: result.hostedBy?.via ?? '' },
  }));
}

/** An OAuth2-only recommendation is named: the mail program signs in, nothing to test here. */
function oauth2Findings(candidate: Candidate | null, result: DiscoveryResult): Finding[] {
  if (!candidate || candidate.authMethod !== 'oauth2') return [];
  const provider = result.provider ? findProviderById(result.provider) : undefined;
  return [
    {
      severity: 'info',
      code: 'recommended-oauth2',
      host: candidate.host,
      port: candidate.port,
      protocol: candidate.protocol,
      params: {
        host: candidate.host,
        port: candidate.port,
        provider: provider?.name ?? candidate.host,
      },
    },
  ];
}

/** Reports of the planned hosts, then of guessed hosts that were reached but are not candidates. */
function allProbes(planned: ProbeReport[], guessed: ProbeReport[]): ProbeReport[] {
  const hosts = new Set(planned.map((report) => report.host));
  return [...planned, ...guessed.filter((report) => !hosts.has(report.host))];
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
  const result: DiscoveryResult = yield* discoverSettings(address, discoverOptions);

  // The domain's records are checked while its servers are probed.
  const health =
    options.health && !options.offline
      ? checkDomainHealth(address.domain, {
          ...options.health,
          resolver,
          ca: options.ca,
          timeoutMs: options.timeoutMs,
          signal: options.signal,
          ...(result.provider ? { providerId: result.provider } : {}),
        })
      : undefined;
  const planned: ProbeReport[] = options.offline
    ? []
    : yield* probeHosts(
        planHosts(result.incoming, result.outgoing),
        { ...options, resolver },
        cache,
      );
  // Nothing found: the hosts guessing reached are what the person and the helpdesk need to see
  // (a server that took the connection and said nothing is named, never "No problems found").
  // Something found: the recommendation's own probes say it all.
  const nothingFound = result.incoming.length + result.outgoing.length === 0;
  const probes = allProbes(planned, nothingFound ? await cache.reached() : []);

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
    ...hosterFindings(recommended, result),
    ...recommendationFindings(recommended.incoming, probes),
    ...recommendationFindings(recommended.outgoing, probes),
    ...oauth2Findings(recommended.incoming, result),
    ...oauth2Findings(recommended.outgoing, result),
    ...probes.flatMap((report) => report.findings),
  ];
  const report: CheckReport = { ...result, incoming, outgoing, probes, findings, recommended };
  if (health) report.health = await health;
  yield { type: 'check-done', report };
  return report;
}

/** `checkAddress` without progress events. */
export async function check(
  address: ParsedAddress,
  options: CheckOptions = {},
): Promise<CheckReport> {
  return drain(checkAddress(address, options));
}
