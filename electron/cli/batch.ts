/**
 * Batch mode (`check --batch FILE`, `health --batch FILE`): one address or domain per line (a file,
 * or `-` for standard input), read as a stream; each line's result is one JSON object on standard
 * output, in input order, with at most `concurrency` lines in work at once. A line waits to start
 * while the window of unwritten results is full, so memory stays flat however long the list is.
 * Blank lines and `#` comments are skipped. Progress on a terminal's standard error; a summary at
 * the end (standard error, so standard output stays one object per line). The list is a file, a
 * FIFO or standard input; a device or folder is refused, and a line is kept to MAX_LINE characters
 * while read (`/dev/zero`-like input without line breaks cannot fill the memory).
 */
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { UsageError, type CliIo } from './io.ts';
import { fileProblemText, LocalFileError } from './local-file.ts';
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

/**
 * Refuses, before any output is written, a list that cannot be read (missing, unreadable) or is
 * no list at all (a folder, a device such as /dev/zero, a socket): a UsageError in words.
 */
export async function assertReadable(file: string, t: Translate): Promise<void> {
  if (file === '-') return;
  try {
    const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
      throw new LocalFileError(error.code === 'ENOENT' ? 'not-found' : 'unreadable', error.code);
    });
    if (!info.isFile() && !info.isFIFO()) throw new LocalFileError('not-a-file');
    const stream = createReadStream(file);
    try {
      await once(stream, 'readable');
    } catch (error) {
      throw new LocalFileError('unreadable', (error as NodeJS.ErrnoException).code ?? '');
    } finally {
      stream.destroy();
    }
  } catch (error) {
    const detail = fileProblemText(error, t, { maxBytes: MAX_LINE });
    throw new UsageError(t('health:cli.batchRead', { value: file, detail }));
  }
}

/**
 * The input's lines (without `\r\n` or `\n`), each cut to `max` characters while it is read:
 * the rest of an over-long line is skipped, never held.
 */
export async function* boundedLines(input: Readable, max: number): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let line = '';
  let skipping = false;
  const take = (text: string): void => {
    if (skipping) return;
    line += text;
    if (line.length > max) {
      line = line.slice(0, max);
      skipping = true;
    }
  };
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      take(text.slice(start, end));
      yield line.replace(/\r$/, '');
      line = '';
      skipping = false;
      start = end + 1;
    }
    take(text.slice(start));
  }
  take(decoder.end());
  if (line !== '') yield line.replace(/\r$/, '');
}

export async function runBatch(
  file: string,
  concurrency: number,
  io: CliIo,
  t: Translate,
  work: (line: string) => Promise<BatchItem>,
): Promise<BatchSummary> {
  const started = performance.now();
  const lines = boundedLines(openInput(file, io), MAX_LINE + 1);
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
