/**
 * Probing for `check`: every distinct candidate host once, on the standard ports of the protocols
 * its candidates speak plus any other port a source named. Reports made during guessing are
 * reused through the cache. Events of all hosts stream out merged, each tagged with its host.
 */
import { drain, EventQueue, forEachLimit } from '../async-flow.ts';
import type { HostProbeEvent } from '../../../shared/reports.ts';
import type { Candidate, NetworkLevel, ProbeReport, Protocol } from '../../../shared/model.ts';
import { standardPortsFor } from '../probe/targets.ts';
import type { HostProber } from '../discover/index.ts';
import { probeHost, type ProbeOptions, type ProbeTarget } from '../probe/index.ts';

export type { HostProbeEvent } from '../../../shared/reports.ts';

export interface HostPlan {
  host: string;
  targets: ProbeTarget[];
  /**
   * The most private network level its candidates' sources may send us to (absent: one of them
   * is the person's own input or built-in knowledge).
   */
  network?: NetworkLevel;
}

/** Hosts probed at once. */
const HOSTS_AT_ONCE = 4;
/** Hosts probed at most (a hostile document must not turn a check into a port scan). */
export const MAX_PROBED_HOSTS = 8;
/** Ports probed per host at most: the standard ones of its protocols plus a few a source named. */
export const MAX_PORTS_PER_HOST = 12;

/** Candidates of both sides taken alternately, so neither side's hosts crowd out the other's. */
function interleave(incoming: readonly Candidate[], outgoing: readonly Candidate[]): Candidate[] {
  const mixed: Candidate[] = [];
  for (let i = 0; i < Math.max(incoming.length, outgoing.length); i++) {
    const a = incoming[i];
    const b = outgoing[i];
    if (a) mixed.push(a);
    if (b) mixed.push(b);
  }
  return mixed;
}

/**
 * One plan per distinct host (the first few, both sides alternately): the standard ports of the
 * protocols its candidates speak, plus any other port they name.
 */
export function planHosts(
  incoming: readonly Candidate[],
  outgoing: readonly Candidate[],
): HostPlan[] {
  const byHost = new Map<string, Candidate[]>();
  for (const candidate of interleave(incoming, outgoing)) {
    const list = byHost.get(candidate.host);
    if (list) list.push(candidate);
    else if (byHost.size < MAX_PROBED_HOSTS) byHost.set(candidate.host, [candidate]);
  }
  return [...byHost].map(([host, list]) => {
    const protocols = [...new Set(list.map((c) => c.protocol))];
    const targets = standardPortsFor(protocols);
    for (const c of list) {
      if (targets.length >= MAX_PORTS_PER_HOST) break;
      if (!targets.some((t) => t.port === c.port)) {
        targets.push({ port: c.port, protocol: c.protocol, security: c.security });
      }
    }
    const network = mostPrivate(list.map((c) => c.network));
    return network ? { host, targets, network } : { host, targets };
  });
}

const PRIVACY: Record<NetworkLevel, number> = {
  public: 0,
  private: 1,
  'link-local': 2,
  loopback: 3,
};

/** The most private level any of the sources allows; undefined when one is unconstrained. */
function mostPrivate(levels: ReadonlyArray<NetworkLevel | undefined>): NetworkLevel | undefined {
  let result: NetworkLevel | undefined;
  for (const level of levels) {
    if (level === undefined) return undefined;
    if (result === undefined || PRIVACY[level] > PRIVACY[result]) result = level;
  }
  return result;
}

/** Remembers probe reports per host so guessing and checking share them. */
export class ProbeCache {
  #reports = new Map<
    string,
    { ports: Set<number>; report: Promise<ProbeReport>; complete: Promise<boolean> }
  >();

  /** A prober for discovery's guessing that fills this cache. */
  prober(probeOnce: HostProber): HostProber {
    return (host, protocols: readonly Protocol[], signal) => {
      const report = probeOnce(host, protocols, signal);
      this.#reports.set(host, {
        ports: new Set(standardPortsFor(protocols).map((t) => t.port)),
        report,
        // Judged when the report is made: discovery aborts every source's signal once it is
        // over, which must not turn a report that was finished in time into a cancelled one.
        complete: report.then(
          () => !signal.aborted,
          () => false,
        ),
      });
      return report;
    };
  }

  /**
   * A report covering every target of the plan, if one was made and not cancelled (guessing is
   * cancelled when a higher source wins; its half-done reports are not facts).
   */
  async lookup(plan: HostPlan): Promise<ProbeReport | undefined> {
    const entry = this.#reports.get(plan.host);
    if (!entry || !plan.targets.every((target) => entry.ports.has(target.port))) return undefined;
    return (await entry.complete) ? entry.report : undefined;
  }

  /**
   * The reports of every host that was probed to the end and whose name resolved: what guessing
   * reached, for the findings even when nothing usable answered (a silent server is named).
   */
  async reached(): Promise<ProbeReport[]> {
    const entries = [...this.#reports.values()];
    const complete = await Promise.all(entries.map((entry) => entry.complete));
    const reports = await Promise.all(
      entries.filter((_entry, index) => complete[index]).map((entry) => entry.report),
    );
    return reports.filter((report) => report.addresses.length > 0);
  }
}

/** Probes the planned hosts (a few at once), yielding their events; returns the reports in plan order. */
export async function* probeHosts(
  plans: readonly HostPlan[],
  options: ProbeOptions,
  cache?: ProbeCache,
): AsyncGenerator<HostProbeEvent, ProbeReport[]> {
  const reports: ProbeReport[] = new Array(plans.length);
  const queue = new EventQueue<HostProbeEvent>();
  const work = forEachLimit(plans, HOSTS_AT_ONCE, async (plan, index) => {
    const cached = await cache?.lookup(plan);
    if (cached) {
      reports[index] = cached;
      queue.push({ type: 'done', report: cached, host: plan.host });
      return;
    }
    reports[index] = await drain(
      probeHost(plan.host, {
        ...options,
        ports: plan.targets,
        ...(plan.network ? { network: plan.network } : {}),
      }),
      (event) => queue.push({ ...event, host: plan.host }),
    );
  }).finally(() => queue.end());
  for await (const event of queue) yield event;
  await work;
  return reports.filter(Boolean);
}
