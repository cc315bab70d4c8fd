/**
 * Batch mode (`check --batch FILE`, `health --batch FILE`): one address or domain per line (a file,
 * or `-` for standard input), read as a stream; each line's result is one JSON object on standard
 * output, in input order, with at most `concurrency` lines in work at once. A line waits to start
 * while the window of unwritten results is full, so memory stays flat however long the list is.
 * Blank lines and `#` comments are skipped. Progress on a terminal's standard error; a summary at
 * the end (standard error, so standard output stays one object per line).
 */
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import { UsageError, type CliIo } from './io.ts';
import type { Translate } from './translate.ts';

export interface BatchItem {
  /** The JSON object written for this line. */
  json: Record<string, unknown>;
  /** Whether this line had an error (decides the exit code). */
  failed: boolean;
}

export interface BatchSummary {
  total: number;
  failed: number;
  ms: number;
}

/** The default number of lines in work at once: enough to hide network waits on a laptop. */
export const DEFAULT_BATCH_CONCURRENCY = 8;
export const MAX_BATCH_CONCURRENCY = 64;
/** Longest line read (anything longer is not an address). */
const MAX_LINE = 1024;

function openInput(file: string, io: CliIo): Readable {
  return file === '-' ? io.stdin : createReadStream(file, { encoding: 'utf8' });
}

/** Throws the stream's open error (e.g. ENOENT) before any output is written. */
export async function assertReadable(file: string): Promise<void> {
  if (file === '-') return;
  const stream = createReadStream(file);
  try {
    await once(stream, 'readable');
  } finally {
    stream.destroy();
  }
}

export async function runBatch(
  file: string,
  concurrency: number,
  io: CliIo,
  t: Translate,
  work: (line: string) => Promise<BatchItem>,
): Promise<BatchSummary> {
  const started = performance.now();
  const lines = readline.createInterface({ input: openInput(file, io), crlfDelay: Infinity });
  const window = concurrency * 4;
  const results = new Map<number, BatchItem>();
  let next = 0;
  let written = 0;
  let running = 0;
  let failed = 0;
  let wake: (() => void) | null = null;
  const progress = io.stderr.isTTY === true;
  const settled = (): Promise<void> => new Promise<void>((resolve) => (wake = resolve));
  /** Writes every finished result that is next in input order. */
  const flush = async (): Promise<void> => {
    for (let item = results.get(written); item; item = results.get(written)) {
      results.delete(written);
      written++;
      if (item.failed) failed++;
      if (!io.stdout.write(`${JSON.stringify(item.json)}\n`)) await once(io.stdout, 'drain');
    }
    if (progress) io.stderr.write(`\r${t('health:cli.batchProgress', { done: written, failed })}`);
  };
  const start = (line: string, index: number): void => {
    running++;
    void work(line)
      .catch((error: unknown): BatchItem => ({
        json: {
          input: line,
          error: 'failed',
          message: error instanceof Error ? error.message : String(error),
        },
        failed: true,
      }))
      .then((item) => {
        results.set(index, item);
        running--;
        const resume = wake;
        wake = null;
        resume?.();
      });
  };
  for await (const raw of lines) {
    const line = raw.slice(0, MAX_LINE).trim();
    if (line === '' || line.startsWith('#')) continue;
    // At most `concurrency` lines run; at most `window` results wait for an earlier one.
    while (running >= concurrency || next - written >= window) {
      if (results.has(written)) await flush();
      else await settled();
    }
    start(line, next++);
  }
  while (written < next) {
    if (results.has(written)) await flush();
    else await settled();
  }
  if (progress) io.stderr.write('\r');
  const ms = Math.round(performance.now() - started);
  io.stderr.write(
    `${t('health:cli.summary', { total: next, ok: next - failed, failed, seconds: (ms / 1000).toFixed(1) })}\n`,
  );
  return { total: next, failed, ms };
}

export function parseConcurrencyArg(text: string | undefined, t: Translate): number {
  if (text === undefined) return DEFAULT_BATCH_CONCURRENCY;
  const n = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= MAX_BATCH_CONCURRENCY)) {
    throw new UsageError(t('health:cli.invalidConcurrency', { value: text }));
  }
  return n;
}
