/**
 * Benchmark 7: domain health. `mailsetup health healthy.test --json` as a whole process (Node
 * start-up included; MX probe on port 25, SPF, DKIM selectors, DMARC, MTA-STS policy over https,
 * TLS-RPT), and `mailsetup health --batch` over 1,000 lines cycling through the lab's health
 * domains: throughput, peak resident memory (GNU time's maximum RSS) and DNS queries per domain
 * (the report's own count).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEALTH_DOMAINS } from '../test/lab/health-records.ts';
import {
  CLI,
  median,
  ms,
  row,
  runCli,
  runCommand,
  type BenchContext,
  type BenchResult,
  type Row,
} from './harness.ts';
import { findTool } from './tools.ts';

const NAME = '7 domain health';
const BATCH_LINES = 1000;
const CONCURRENCY = 8;

interface HealthLine {
  domain?: string;
  dnsQueries?: number;
}

/** The maximum RSS GNU time printed (`maxrss=KiB` as the last line of stderr), in MiB. */
function maxRssMib(stderr: string): number | null {
  const kib = /maxrss=(\d+)/.exec(stderr)?.[1];
  return kib ? Number(kib) / 1024 : null;
}

async function timed(
  ctx: BenchContext,
  args: string[],
  time: string | null,
): Promise<{ ms: number; stdout: string; rssMib: number | null; code: number | null }> {
  const lab = ['--dns', ctx.lab.dns, '--ca', ctx.lab.caFile];
  const result = time
    ? await runCommand(time, ['-f', 'maxrss=%M', process.execPath, CLI, ...args, ...lab], {
        timeoutMs: 600_000,
      })
    : await runCli(ctx.lab, args, { timeoutMs: 600_000 });
  if (result.code === 2 || result.code === 3 || result.code === null) {
    throw new Error(`mailsetup ${args.join(' ')} exited ${result.code}: ${result.stderr.trim()}`);
  }
  return {
    ms: result.ms,
    stdout: result.stdout,
    rssMib: maxRssMib(result.stderr),
    code: result.code,
  };
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const rows: Row[] = [];
  const notes: string[] = [];
  const time = findTool('time').path ?? null;

  const single: number[] = [];
  let singleRss: number | null = null;
  let queries = 0;
  for (let i = 0; i < ctx.runs; i++) {
    const result = await timed(ctx, ['health', HEALTH_DOMAINS.healthy, '--json'], time);
    single.push(result.ms);
    singleRss = result.rssMib;
    queries = (JSON.parse(result.stdout) as HealthLine).dnsQueries ?? 0;
  }
  rows.push(
    row(NAME, `mailsetup health ${HEALTH_DOMAINS.healthy} (whole process)`, ms(median(single))),
  );
  rows.push(row(NAME, `DNS queries for ${HEALTH_DOMAINS.healthy}`, String(queries)));
  if (singleRss !== null)
    rows.push(row(NAME, 'peak RSS, one domain', `${singleRss.toFixed(1)} MiB`));

  const dir = await mkdtemp(join(tmpdir(), 'mailsetup-bench-health-'));
  try {
    const domains = Object.values(HEALTH_DOMAINS);
    const file = join(dir, 'domains.txt');
    const lines = Array.from(
      { length: BATCH_LINES },
      (_, i) => `user${i}@${domains[i % domains.length]}`,
    );
    await writeFile(file, `${lines.join('\n')}\n`);
    // One batch run: a thousand domains is long enough to be its own median.
    const result = await timed(
      ctx,
      ['health', '--batch', file, '--concurrency', String(CONCURRENCY)],
      time,
    );
    const out = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as HealthLine);
    const perDomain =
      out.reduce((sum, l) => sum + (l.dnsQueries ?? 0), 0) / Math.max(1, out.length);
    const inOrder =
      out.length === BATCH_LINES && out.every((l, i) => l.domain === lines[i]?.split('@')[1]);
    const seconds = result.ms / 1000;
    rows.push(
      row(
        NAME,
        `batch of ${BATCH_LINES} (concurrency ${CONCURRENCY}), wall time (1 run)`,
        ms(result.ms),
      ),
    );
    rows.push(row(NAME, 'batch throughput', `${(BATCH_LINES / seconds).toFixed(0)} domains/s`));
    rows.push(row(NAME, 'batch DNS queries per domain (mean)', perDomain.toFixed(1)));
    rows.push(row(NAME, 'batch output in input order', inOrder ? 'yes' : 'no', 'yes', inOrder));
    if (result.rssMib !== null)
      rows.push(row(NAME, 'batch peak RSS', `${result.rssMib.toFixed(1)} MiB`));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  notes.push(
    `Domain health: one domain is \`mailsetup health ${HEALTH_DOMAINS.healthy} --json\`, a new process per run. ` +
      `The batch cycles through the ${Object.keys(HEALTH_DOMAINS).length} lab health domains; ` +
      'MX hosts are probed once per batch (hosters share them), every DNS record is asked per line. ' +
      "Peak RSS is GNU time's maximum resident set size of the whole process.",
  );
  return { rows, notes };
}
