/**
 * Discovery: candidate server settings for an address from every source, each candidate tagged
 * with where it came from and whether that is trusted. Sources run in parallel; priority decides
 * (built-in knowledge, autoconfig https, autoconfig http, ISPDB, SRV, MX, Autodiscover, guessing);
 * guessing starts with the others but counts only when nothing else found anything. Progress streams out as events.
 */
import type { DiscoverEvent, DiscoveryResult } from '../../../shared/reports.ts';
import type { ParsedAddress } from '../../../shared/address.ts';
import { findProviderByDomain } from '../../../shared/providers/index.ts';
import type { Candidate, SourceName } from '../../../shared/model.ts';
import { createResolver, type Resolver } from '../net/resolver.ts';
import { probe } from '../probe/index.ts';
import { standardPortsFor } from '../probe/targets.ts';
import { drain, mapEvents } from '../async-flow.ts';
import { discoveryDns } from './dns.ts';
import { guessHosts, guessSource, type GuessHoster, type HostProber } from './guess.ts';
import { mxHoster } from './mx-source.ts';
import { DEFAULT_ISPDB_URL } from './ispdb.ts';
import { CANCELLED, runByPriority, type Settled } from './runner.ts';
import { networkTasks, providerTask } from './sources.ts';
import { MAX_SERVERS_PER_SIDE } from './autoconfig-parser.ts';
import type { Found, SourceContext, SourceTask } from './types.ts';

export { DEFAULT_ISPDB_URL } from './ispdb.ts';
export { type HostProber } from './guess.ts';

export const DEFAULT_DISCOVERY_TIMEOUT_MS = 10_000;

/**
 * The time budget of the sources that run at once, in request timeouts: every source starts at
 * the same moment, and the longest chains of requests one source makes in a row (MX lookup, then
 * the MX domain's autoconfig and ISPDB; Autodiscover's redirects) are a few requests deep, so
 * four timeouts let the slowest finish while a silent network still ends discovery in bounded
 * time. Guessing runs after them and outside this budget: it starts only when they found nothing
 * and is bounded by its own probes (a step timeout per connection, a few hosts at once).
 */
export const SOURCES_BUDGET_IN_TIMEOUTS = 4;

export interface DiscoverOptions {
  resolver?: Resolver;
  /** Extra CA certificates (PEM texts). */
  ca?: string[];
  ispdbUrl?: string;
  /** Built-in knowledge only; nothing touches the network. */
  offline?: boolean;
  /** Per network request (default 10 s); the whole discovery is bounded by a few of these. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Only these sources (default: all). */
  sources?: SourceName[];
  /** How guessing probes a host (default: the probe engine on the standard ports). */
  prober?: HostProber;
}

export type { DiscoverEvent, DiscoveryResult } from '../../../shared/reports.ts';

/** The default prober: the probe engine with the discovery's DNS, CAs and timeout. */
export function defaultProber(options: DiscoverOptions, resolver: Resolver): HostProber {
  return (host, protocols, signal) =>
    probe(host, {
      ports: standardPortsFor(protocols),
      resolver,
      ca: options.ca,
      timeoutMs: options.timeoutMs,
      signal,
    });
}

const wanted = (options: DiscoverOptions, source: SourceName): boolean =>
  !options.sources || options.sources.includes(source);

/** One source's servers, at most MAX_SERVERS_PER_SIDE a side. */
function capFound(found: Found): Found {
  return {
    ...found,
    incoming: found.incoming.slice(0, MAX_SERVERS_PER_SIDE),
    outgoing: found.outgoing.slice(0, MAX_SERVERS_PER_SIDE),
  };
}

/** Same protocol, host and port: one candidate, the highest-priority source's. */
function mergeCandidates(lists: Candidate[][]): Candidate[] {
  const seen = new Set<string>();
  const merged: Candidate[] = [];
  for (const candidate of lists.flat()) {
    const key = `${candidate.protocol}|${candidate.host}|${candidate.port}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(candidate);
  }
  return merged;
}

async function* run(
  tasks: SourceTask[],
  signal: AbortSignal,
  collected: Settled[],
): AsyncGenerator<DiscoverEvent, void> {
  const settled = yield* mapEvents(runByPriority(tasks, signal), (event): DiscoverEvent =>
    event.type === 'start'
      ? { type: 'source-start', source: event.task.source, url: event.task.url }
      : { type: 'source-done', report: event.settled.report },
  );
  collected.push(...settled);
}

/**
 * Guessing is the lowest-priority source and starts with the others (so a domain whose servers
 * all stall costs one timeout, not two); it counts only when nothing else found anything: the
 * runner cancels it as soon as a higher source wins.
 */
function guessTask(
  context: SourceContext,
  options: DiscoverOptions,
  resolver: Resolver,
): SourceTask {
  const { address } = context;
  const prober =
    options.prober ?? defaultProber({ ...options, timeoutMs: context.timeoutMs }, resolver);
  const hoster = async (): Promise<GuessHoster | null> => {
    const looked = await mxHoster(context);
    return looked.ok && looked.value.kind === 'unknown'
      ? { hostedBy: looked.value.hostedBy, mxHost: looked.value.mxHost }
      : null;
  };
  return {
    source: 'guess',
    url: guessHosts(address.domain)
      .map((entry) => entry.host)
      .join(' '),
    // A domain built-in knowledge knows never needs guessing: nothing is probed for it.
    run: async (signal) =>
      findProviderByDomain(address.domain)
        ? { outcome: 'none', trusted: true, detail: CANCELLED }
        : guessSource(address, prober, signal, hoster()),
  };
}

/** A guess that found something while a higher source found settings too is left out. */
function guessOnlyAlone(entry: Settled, _index: number, all: readonly Settled[]): Settled {
  if (entry.task.source !== 'guess' || entry.answer.outcome !== 'found') return entry;
  const other = all.some((e) => e.task.source !== 'guess' && e.answer.outcome === 'found');
  if (!other) return entry;
  const answer = { outcome: 'none' as const, trusted: true, detail: CANCELLED };
  return { ...entry, answer, report: { ...entry.report, outcome: 'none', error: CANCELLED } };
}

/** Streams discovery progress; the last event (and the return value) is the result. */
export async function* discoverSettings(
  address: ParsedAddress,
  options: DiscoverOptions = {},
): AsyncGenerator<DiscoverEvent, DiscoveryResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_DISCOVERY_TIMEOUT_MS;
  const resolver = options.resolver ?? createResolver({ timeoutMs });
  const context: SourceContext = {
    address,
    dns: discoveryDns(resolver),
    ca: options.ca ?? [],
    ispdbUrl: options.ispdbUrl ?? DEFAULT_ISPDB_URL,
    timeoutMs,
    dnsNetwork: resolver.network ?? 'public',
  };
  const deadline = AbortSignal.timeout(timeoutMs * SOURCES_BUDGET_IN_TIMEOUTS);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const tasks = [
    providerTask(context),
    ...(options.offline ? [] : networkTasks(context)),
    ...(options.offline ? [] : [guessTask(context, options, resolver)]),
  ].filter((task) => wanted(options, task.source));
  const settled: Settled[] = [];
  yield* run(tasks, signal, settled);

  const ordered = [...settled].sort((a, b) => a.index - b.index).map(guessOnlyAlone);
  // Whatever the source, a hostile answer cannot turn into a port scan: a few servers per side.
  const found = ordered.flatMap((entry) =>
    entry.answer.outcome === 'found' ? [capFound(entry.answer.found)] : [],
  );
  const result: DiscoveryResult = {
    address: address.address,
    domain: address.domain,
    sources: ordered.map((entry) => entry.report),
    incoming: mergeCandidates(found.map((f) => f.incoming)),
    outgoing: mergeCandidates(found.map((f) => f.outgoing)),
  };
  const provider = found.find((f) => f.provider)?.provider;
  if (provider) result.provider = provider;
  const hostedBy =
    found.find((f) => f.hostedBy)?.hostedBy ??
    ordered.flatMap((entry) =>
      entry.answer.outcome === 'none' && entry.answer.hostedBy ? [entry.answer.hostedBy] : [],
    )[0];
  if (hostedBy) result.hostedBy = hostedBy;
  const enable = found.flatMap((f) => f.enable ?? []);
  if (enable.length)
    result.enable = enable.filter(
      (step, index) => enable.findIndex((other) => other.url === step.url) === index,
    );
  yield { type: 'done', result };
  return result;
}

/** Discovery without progress events. */
export async function discover(
  address: ParsedAddress,
  options: DiscoverOptions = {},
): Promise<DiscoveryResult> {
  return drain(discoverSettings(address, options));
}
