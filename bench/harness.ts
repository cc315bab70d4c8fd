/**
 * The small harness every benchmark uses: medians, wall-clock timing of a function or a child
 * process, and the shape of a result row. Ratios measured in the same run are what counts;
 * absolute times depend on the machine and are printed for orientation only.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LabInfo } from '../test/lab/lab-info.ts';

/** The repository root, found from this file's place in it. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The built `mailsetup` command (bundled by `node scripts/build.mjs cli`). */
export const CLI = fileURLToPath(new URL('../bin/mailsetup.js', import.meta.url));

export type Verdict = 'met' | 'missed' | 'info' | 'error';

/** One line of the results table. */
export interface Row {
  /** Benchmark number and short name, e.g. '1 probe vs nmap'. */
  bench: string;
  metric: string;
  /** The measured value, formatted with its unit. */
  value: string;
  /** The target as text ('>= 5x'), or '' for orientation-only rows. */
  target: string;
  verdict: Verdict;
}

export interface BenchResult {
  rows: Row[];
  /** Sentences for results.md: what was compared, what limits a missed target. */
  notes: string[];
}

export interface BenchContext {
  lab: LabInfo;
  /** How many times each measurement is repeated (the median is reported). */
  runs: number;
  log(line: string): void;
}

export interface Benchmark {
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<BenchResult>;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Runs `fn` `runs` times one after the other and returns each run's wall time in ms. */
export async function timeRuns(runs: number, fn: (i: number) => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  return times;
}

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit, ms. */
  ms: number;
}

/** Output beyond this is cut; no benchmarked command should print more. */
const MAX_OUTPUT = 8 * 1024 * 1024;

/** Runs a command to its end (killed after `timeoutMs`) and measures its wall time. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { timeoutMs?: number; input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_OUTPUT) into.push(chunk);
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: performance.now() - started,
      });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Runs the built `mailsetup` with the lab's DNS server and CA appended to `args`. */
export function runCli(
  lab: LabInfo,
  args: readonly string[],
  options: { timeoutMs?: number; input?: string } = {},
): Promise<CommandResult> {
  return runCommand(
    process.execPath,
    [CLI, ...args, '--dns', lab.dns, '--ca', lab.caFile],
    options,
  );
}

export function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}

export function ratio(value: number): string {
  return `${value.toFixed(value >= 10 ? 1 : 2)}x`;
}

export function row(bench: string, metric: string, value: string, target = '', met?: boolean): Row {
  return {
    bench,
    metric,
    value,
    target,
    verdict: met === undefined ? 'info' : met ? 'met' : 'missed',
  };
}
