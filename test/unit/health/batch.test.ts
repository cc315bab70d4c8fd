/**
 * The batch runner: results in input order however the work finishes, never more than
 * `concurrency` lines at once, comments and blank lines skipped, a summary on standard error.
 */
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../../electron/cli/batch.ts';
import { createTranslate } from '../../../electron/cli/translate.ts';
import { captureIo } from '../../helpers/cli-io.ts';

const t = createTranslate('en');

describe('runBatch', () => {
  it('writes in input order with bounded concurrency, from a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'batch-unit-'));
    const file = join(dir, 'list.txt');
    const inputs = Array.from({ length: 50 }, (_, i) => `d${i}.example`);
    await writeFile(file, `# list\n\n${inputs.join('\r\n')}\n`);
    const io = captureIo();
    let running = 0;
    let most = 0;
    const summary = await runBatch(file, 4, io, t, async (line) => {
      running++;
      most = Math.max(most, running);
      // Later lines finish first: the order must still be the input's.
      await new Promise((resolve) => setTimeout(resolve, 50 - Number(line.slice(1, -8))));
      running--;
      return { json: { input: line }, failed: line.endsWith('7.example') };
    });
    await rm(dir, { recursive: true, force: true });
    const out = io
      .out()
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { input: string }).input);
    expect(out).toEqual(inputs);
    expect(most).toBe(4);
    expect(summary).toMatchObject({ total: 50, failed: 5 });
    expect(io.err()).toMatch(/^50 checked: 45 without errors, 5 with errors/);
  });

  it('reads standard input with -, and a failing line becomes an error object in place', async () => {
    const io = captureIo({ stdin: 'a.example\nb.example\nc.example\n' });
    await runBatch('-', 2, io, t, async (line) => {
      if (line === 'b.example') throw new Error('boom');
      return { json: { input: line }, failed: false };
    });
    const lines = io
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      { input: 'a.example' },
      { input: 'b.example', error: 'failed', message: 'boom' },
      { input: 'c.example' },
    ]);
  });
});
