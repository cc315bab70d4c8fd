/**
 * The probe engine: for a host and a set of ports, resolve the name, then probe every port in
 * parallel (connect, TLS or STARTTLS, greeting, capabilities, certificate facts) and stream the
 * results as they arrive; at the end, findings judge the whole host. Nothing here throws for a
 * network reason: failures are port statuses and findings.
 */
import type { ProbeEvent } from '../../../shared/reports.ts';
import type { PortResult, ProbeReport, Protocol } from '../../../shared/model.ts';
import { DEFAULT_STEP_TIMEOUT_MS } from '../net/connection.ts';
import { errorCode } from '../net/errors.ts';
import { toAsciiHostname } from '../net/hostname.ts';
import { runToEnd } from '../run-to-end.ts';
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
    const addresses = resolved.addresses;
    yield { type: 'resolved', host, addresses };

    const plans = planPorts(options.ports);
    const ctx = {
      host,
      addresses,
      tls: probeTls(options.ca),
      timeoutMs,
      signal: controller.signal,
    };
    const results = new Map<number, PortResult>();
    const queue = new EventQueue<ProbeEvent>();
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let plan = plans[next++]; plan; plan = plans[next++]) {
        queue.push({ type: 'port-start', port: plan.port, protocol: startProtocol(plan) });
        const result = await probePort(ctx, plan);
        results.set(plan.port, result);
        queue.push({ type: 'port', result });
      }
    };
    const width = Math.max(1, Math.min(options.concurrency ?? plans.length, plans.length));
    for (let i = 0; i < width; i++) tasks.push(worker());
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

/** Probes `host` and returns the report once every port is done. */
export async function probe(host: string, options: ProbeOptions = {}): Promise<ProbeReport> {
  return runToEnd(probeHost(host, options));
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

/** A minimal async queue: producers push, one consumer iterates until `end()`. */
class EventQueue<T> implements AsyncIterable<T> {
  #items: T[] = [];
  #ended = false;
  #wake: (() => void) | null = null;

  push(item: T): void {
    this.#items.push(item);
    this.#notify();
  }

  end(): void {
    this.#ended = true;
    this.#notify();
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      const item = this.#items.shift();
      if (item !== undefined) yield item;
      else if (this.#ended) return;
      else await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }
}
