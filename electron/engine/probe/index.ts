/**
 * The probe engine: for a host and a set of ports, resolve the name, then probe every port in
 * parallel (connect, TLS or STARTTLS, greeting, capabilities, certificate facts) and stream the
 * results as they arrive; at the end, findings judge the whole host. Nothing here throws for a
 * network reason: failures are port statuses and findings.
 */
import { setMaxListeners } from 'node:events';
import type { ProbeEvent } from '../../../shared/reports.ts';
import type { NetworkLevel, PortResult, ProbeReport, Protocol } from '../../../shared/model.ts';
import { reachable, type Refusal } from '../net/network-level.ts';
import { DEFAULT_STEP_TIMEOUT_MS } from '../net/connection.ts';
import { errorCode } from '../net/errors.ts';
import { toAsciiHostname } from '../net/hostname.ts';
import { drain, EventQueue, forEachLimit } from '../async-flow.ts';
import { createResolver, type Resolver } from '../net/resolver.ts';
import type { TlsSettings } from '../net/tls-handshake.ts';
import { deriveFindings } from './findings.ts';
import { probePort, UNKNOWN_PROTOCOL_PLACEHOLDER, type PortPlan } from './port.ts';
import { planPorts, type ProbeTarget } from './targets.ts';

export type { ProbeTarget } from './targets.ts';
export { deriveFindings } from './findings.ts';

export interface ProbeOptions {
  /** Default STANDARD_PORTS; a bare unknown port number is recognised from its greeting. */
  ports?: Array<number | ProbeTarget>;
  /** Default: the system's resolver. */
  resolver?: Resolver;
  /** Extra CA certificates (PEM texts) trusted besides the built-in roots. */
  ca?: string[];
  /** Per step (DNS, connect, handshake, each read), default 10000 ms. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Ports probed at once; default all of them (so a silent host costs one timeout). */
  concurrency?: number;
  /**
   * The network level of the source that named the host (net/network-level.ts): addresses on a
   * more private network are not probed. Absent: the person's own input (any level).
   */
  network?: NetworkLevel;
}

export type { ProbeEvent } from '../../../shared/reports.ts';

/**
 * Probing wants certificate facts even for untrusted chains (no password is sent) and must be
 * able to talk to outdated servers in order to say that they are outdated.
 */
function probeTls(ca: string[] | undefined): TlsSettings {
  return { ca, rejectUnauthorized: false, minVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' };
}

/** Probes `host`, yielding events as they happen; returns (and yields as 'done') the report. */
export async function* probeHost(
  host: string,
  options: ProbeOptions = {},
): AsyncGenerator<ProbeEvent, ProbeReport> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  const controller = new AbortController();
  // Every port's connection listens on this signal: many ports are not a leak (no warning).
  setMaxListeners(0, controller.signal);
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) controller.abort();
  const tasks: Array<Promise<void>> = [];
  try {
    const resolved = await resolve(host, options, timeoutMs, controller.signal);
    if (!resolved.ok) {
      const report: ProbeReport = {
        host,
        addresses: [],
        ports: [],
        findings: [
          {
            severity: 'error',
            code: 'host-unresolved',
            host,
            params: { host, reason: resolved.reason },
          },
        ],
        ms: Math.round(performance.now() - started),
      };
      yield { type: 'done', report };
      return report;
    }
    const plans = planPorts(options.ports);
    const { allowed, refused } = reachable(options.network, resolved.addresses);
    if (allowed.length === 0) {
      const report = refusedReport(host, resolved.addresses, plans, refused ?? 'never', started);
      yield { type: 'done', report };
      return report;
    }
    const addresses = allowed;
    yield { type: 'resolved', host, addresses };

    const ctx = {
      host,
      addresses,
      tls: probeTls(options.ca),
      timeoutMs,
      signal: controller.signal,
    };
    const results = new Map<number, PortResult>();
    const queue = new EventQueue<ProbeEvent>();
    const work = forEachLimit(plans, options.concurrency ?? plans.length, async (plan) => {
      queue.push({ type: 'port-start', port: plan.port, protocol: startProtocol(plan) });
      const result = await probePort(ctx, plan);
      results.set(plan.port, result);
      queue.push({ type: 'port', result });
    });
    tasks.push(work);
    void Promise.allSettled(tasks).then(() => queue.end());
    for await (const event of queue) yield event;

    const ports = plans.map((plan) => results.get(plan.port)).filter((r): r is PortResult => !!r);
    const report: ProbeReport = {
      host,
      addresses,
      ports,
      findings: deriveFindings(host, ports),
      ms: Math.round(performance.now() - started),
    };
    yield { type: 'done', report };
    return report;
  } finally {
    // Also reached when the consumer stops early: close every connection still open.
    controller.abort();
    options.signal?.removeEventListener('abort', onAbort);
    await Promise.allSettled(tasks);
  }
}

/**
 * The report for a host the network rule does not let us reach: every planned port unreachable
 * (`private-network`), nothing dialled, and a finding that says why.
 */
function refusedReport(
  host: string,
  addresses: string[],
  plans: PortPlan[],
  reason: Refusal,
  started: number,
): ProbeReport {
  const ports: PortResult[] = plans.map((plan) => ({
    port: plan.port,
    protocol: startProtocol(plan),
    security: plan.security ?? 'plain',
    status: 'unreachable',
    tls: null,
    capabilities: [],
    auth: [],
    error: 'private-network',
    ms: 0,
  }));
  return {
    host,
    addresses,
    ports,
    findings: [
      {
        severity: 'warning',
        code: 'private-network-refused',
        host,
        params: { host, address: addresses[0] ?? '', reason },
      },
    ],
    ms: Math.round(performance.now() - started),
  };
}

/** Probes `host` and returns the report once every port is done. */
export async function probe(host: string, options: ProbeOptions = {}): Promise<ProbeReport> {
  return drain(probeHost(host, options));
}

function startProtocol(plan: PortPlan): Protocol {
  return plan.protocol ?? UNKNOWN_PROTOCOL_PLACEHOLDER;
}

async function resolve(
  host: string,
  options: ProbeOptions,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<{ ok: true; name: string; addresses: string[] } | { ok: false; reason: string }> {
  const name = toAsciiHostname(host);
  if (!name) return { ok: false, reason: 'EINVAL' };
  const resolver = options.resolver ?? createResolver({ timeoutMs });
  try {
    const addresses = await resolver.lookup(name, signal);
    return addresses.length > 0 ? { ok: true, name, addresses } : { ok: false, reason: 'ENODATA' };
  } catch (error) {
    return { ok: false, reason: errorCode(error) ?? 'EDNS' };
  }
}
