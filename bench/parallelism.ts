/**
 * Benchmark 2: the seven ports probed together against the slowest port probed alone, in this
 * process through the engine (no process start-up in either number). If the ports really run in
 * parallel, the whole probe costs about as much as its slowest port.
 */
import { STANDARD_PORTS } from '../shared/model.ts';
import { createResolver } from '../electron/engine/net/resolver.ts';
import { probe, type ProbeOptions } from '../electron/engine/probe/index.ts';
import { LAB_HOSTS } from '../test/lab/topology.ts';
import {
  median,
  ms,
  ratio,
  row,
  timeRuns,
  type BenchContext,
  type BenchResult,
} from './harness.ts';

const NAME = '2 parallelism';
/** A round costs well under a second; more of them steady a ratio of two small numbers. */
const MIN_RUNS = 15;

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const host = LAB_HOSTS.good.name;
  const base: ProbeOptions = {
    resolver: createResolver({ server: ctx.lab.dns }),
    ca: [ctx.lab.caPem],
  };
  const ports = STANDARD_PORTS.map((p) => p.port);
  const probeOk = async (list: number[]): Promise<void> => {
    const report = await probe(host, { ...base, ports: list });
    const bad = report.ports.filter((p) => p.status !== 'ok');
    if (bad.length > 0 || report.ports.length !== list.length) {
      throw new Error(`probe of ${host} ${list.join(',')} did not succeed on every port`);
    }
  };
  // Warm-up: the first probe builds the TLS context and loads code.
  await probeOk(ports);

  // Interleave the measurements, so that a slow moment of the machine hits all of them alike.
  const all: number[] = [];
  const single = new Map<number, number[]>(ports.map((p) => [p, []]));
  const cpu: number[] = [];
  const runs = Math.max(ctx.runs, MIN_RUNS);
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    all.push(...(await timeRuns(1, () => probeOk(ports))));
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
    for (const port of ports) single.get(port)?.push(...(await timeRuns(1, () => probeOk([port]))));
  }
  const allMs = median(all);
  const medians = ports.map((port) => ({ port, ms: median(single.get(port) ?? []) }));
  const slowest = medians.reduce((a, b) => (b.ms > a.ms ? b : a));
  const factor = allMs / slowest.ms;
  return {
    rows: [
      row(NAME, `7 ports of ${host} together`, ms(allMs)),
      row(NAME, `slowest port alone (${slowest.port})`, ms(slowest.ms)),
      row(NAME, '7 ports / slowest alone', ratio(factor), '<= 1.5x', factor <= 1.5),
      row(NAME, 'our CPU time during the 7-port probe', ms(median(cpu))),
    ],
    notes: [
      ...(factor <= 1.5
        ? []
        : [
            `Parallelism, what limits it: our process used ${ms(median(cpu))} of CPU for a ` +
              `${ms(allMs)} probe; the rest is waiting on Dovecot and Postfix, which do seven ` +
              'times the work at once (new login processes, their half of seven TLS handshakes) ' +
              'on two cores shared with everything else running.',
          ]),
      `Parallelism: each port alone (median ms): ${medians.map((m) => `${m.port} ${Math.round(m.ms)}`).join(', ')}. ` +
        `Medians of ${runs} rounds in one Node process through the engine, after one warm-up probe, the rounds ` +
        "interleaved. Each port's time includes the polite goodbye (LOGOUT/QUIT and waiting for " +
        'the server to close). Our own CPU time is a small part of the wall time: the rest is ' +
        'Dovecot and Postfix (a new login or smtpd process per connection, their side of TLS) ' +
        'sharing the two cores with everything else the machine runs; seven connections at once ' +
        'ask those servers for seven times the work in the same moment.',
    ],
  };
}
