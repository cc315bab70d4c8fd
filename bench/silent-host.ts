/**
 * Benchmark 3: a host that accepts every connection and never sends a byte, probed by the CLI
 * with its default step timeout (10 s). All seven ports wait at once, so the whole run should
 * cost one timeout plus process start-up, not seven timeouts. Then a whole `check` of a domain
 * whose every server stalls (stall.test: every source, guessing included): it must end within
 * 1.2 timeouts with a named error, not after one timeout per source.
 */
import { DEFAULT_STEP_TIMEOUT_MS } from '../electron/engine/net/connection.ts';
import { LAB_DOMAINS, LAB_HOSTS } from '../test/lab/topology.ts';
import { median, ms, ratio, row, runCli, type BenchContext, type BenchResult } from './harness.ts';

const NAME = '3 silent host';
/** Each run costs a full timeout; three give a median. */
const MAX_RUNS = 3;
/** The step timeout given to the all-stall check. */
const CHECK_TIMEOUT_MS = 5000;

/** Wall times of `mailsetup check x@stall.test`, each checked for its named error. */
async function stalledChecks(ctx: BenchContext): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < Math.min(ctx.runs, MAX_RUNS); i++) {
    const address = `x@${LAB_DOMAINS.allStall}`;
    const args = ['check', address, '--timeout', String(CHECK_TIMEOUT_MS), '--json'];
    const result = await runCli(ctx.lab, args, { timeoutMs: 120_000 });
    const report = JSON.parse(result.stdout) as {
      findings: Array<{ severity: string; code: string }>;
    };
    if (!report.findings.some((f) => f.severity === 'error' && f.code === 'no-greeting')) {
      throw new Error(`check of ${address} ended without the no-greeting error`);
    }
    times.push(result.ms);
  }
  return times;
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const host = LAB_HOSTS.silent.name;
  const times: number[] = [];
  for (let i = 0; i < Math.min(ctx.runs, MAX_RUNS); i++) {
    const result = await runCli(ctx.lab, ['probe', host, '--json'], { timeoutMs: 120_000 });
    const report = JSON.parse(result.stdout) as { ports: Array<{ status: string }> };
    if (report.ports.length !== 7 || report.ports.some((p) => p.status !== 'timeout')) {
      throw new Error(`probe of ${host} did not time out on every port`);
    }
    times.push(result.ms);
  }
  const wall = median(times);
  const factor = wall / DEFAULT_STEP_TIMEOUT_MS;
  const checkWall = median(await stalledChecks(ctx));
  const checkFactor = checkWall / CHECK_TIMEOUT_MS;
  return {
    rows: [
      row(
        NAME,
        `mailsetup probe ${host}, default timeout ${ms(DEFAULT_STEP_TIMEOUT_MS)}`,
        ms(wall),
      ),
      row(NAME, 'wall time / one timeout', ratio(factor), '<= 1.1x', factor <= 1.1),
      row(
        NAME,
        `mailsetup check x@${LAB_DOMAINS.allStall} (every server stalls), --timeout ${ms(CHECK_TIMEOUT_MS)}`,
        ms(checkWall),
      ),
      row(NAME, 'check wall time / one timeout', ratio(checkFactor), '<= 1.2x', checkFactor <= 1.2),
    ],
    notes: [
      `Silent host: the CLI's default step timeout (${DEFAULT_STEP_TIMEOUT_MS} ms, no --timeout given); ` +
        'the wall time includes Node start-up, DNS and the connect before the timed-out read.',
    ],
  };
}
