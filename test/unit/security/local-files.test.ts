/**
 * Security review, item 7: `--ca /dev/zero` and `export --settings /dev/zero` read the whole
 * stream before the size check (10 GB of memory in 40 s), and a FIFO hung the run. Now every local
 * file the person names is read only if it is a regular file, at most its cap, within a time
 * limit; anything else is refused in words with exit 2, quickly and without growing the heap.
 * A batch list (`--batch FILE`) may be a FIFO, but not a device or folder, and its lines are cut
 * while read.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundedLines } from '../../../electron/cli/batch.ts';
import { main } from '../../../electron/cli/main.ts';
import { LocalFileError, readLocalFile } from '../../../electron/cli/local-file.ts';
import { captureIo } from '../../helpers/cli-io.ts';
import { heapUsed } from '../../hostile/guards.ts';

let dir = '';
let fifo = '';
let folder = '';
let large = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'local-files-'));
  fifo = join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);
  folder = join(dir, 'folder');
  mkdirSync(folder);
  large = join(dir, 'large.json');
  writeFileSync(large, `{"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const io = captureIo({ env: { NO_COLOR: '1' } });
  const before = heapUsed();
  const started = performance.now();
  const code = await main(args, io);
  return {
    code,
    ms: performance.now() - started,
    growth: heapUsed() - before,
    text: io.out() + io.err(),
  };
}

const REFUSALS: Array<[string, () => string, RegExp]> = [
  ['/dev/zero', () => '/dev/zero', /not a regular file/],
  ['a FIFO', () => fifo, /not a regular file/],
  ['a folder', () => folder, /not a regular file/],
  ['a file over the cap', () => large, /larger than 1024 KiB/],
  ['a missing file', () => join(dir, 'missing'), /no such file/],
];

describe('local files named on the command line', () => {
  it.each(REFUSALS)('--ca %s is refused in words, at once', async (_, path, words) => {
    const result = await run(['probe', '127.0.0.1', '--port', '1', '--ca', path()]);
    expect(result.code).toBe(2);
    expect(result.text).toMatch(/cannot read the CA file/);
    expect(result.text).toMatch(words);
    expect(result.ms).toBeLessThan(2000);
    expect(result.growth).toBeLessThan(32 * 1024 * 1024);
  });

  it.each(REFUSALS)('export --settings %s is refused in words, at once', async (_, path, words) => {
    const out = join(dir, 'out');
    const result = await run(['export', '--settings', path(), '--out', out]);
    expect(result.code).toBe(2);
    expect(result.text).toMatch(/settings file .* cannot be read/);
    expect(result.text).toMatch(words);
    expect(result.ms).toBeLessThan(2000);
    expect(result.growth).toBeLessThan(32 * 1024 * 1024);
  });

  it.each(REFUSALS.slice(0, 2))('add --settings %s is refused in words', async (_, path, words) => {
    const result = await run(['add', 'thunderbird', '--settings', path(), '--profile', folder]);
    expect(result.code).toBe(2);
    expect(result.text).toMatch(words);
    expect(result.ms).toBeLessThan(2000);
  });

  it('reads a regular file up to its cap, and stops one byte after it whatever the size says', async () => {
    const small = join(dir, 'small.txt');
    writeFileSync(small, 'hello');
    expect((await readLocalFile(small, { maxBytes: 5 })).toString()).toBe('hello');
    await expect(readLocalFile(small, { maxBytes: 4 })).rejects.toMatchObject({
      problem: 'too-large',
    });
    // /proc files claim size 0 and still hold text: the cap holds all the same.
    const status = readLocalFile('/proc/self/status', { maxBytes: 16 });
    await expect(status).rejects.toBeInstanceOf(LocalFileError);
    await expect(status).rejects.toMatchObject({ problem: 'too-large' });
  });

  it.each(REFUSALS.filter(([name]) => name !== 'a FIFO' && name !== 'a file over the cap'))(
    'check --batch %s is refused in words, at once',
    async (_, path, words) => {
      const result = await run(['check', '--batch', path(), '--offline']);
      expect(result.code).toBe(2);
      expect(result.text).toMatch(/cannot read the batch list/);
      expect(result.text).toMatch(words);
      expect(result.ms).toBeLessThan(2000);
      expect(result.growth).toBeLessThan(32 * 1024 * 1024);
    },
  );

  it('a batch list line without end is cut while read, not held (64 MiB of one line)', async () => {
    async function* endless(): AsyncGenerator<Buffer> {
      const chunk = Buffer.alloc(1024 * 1024, 0x61);
      for (let i = 0; i < 64; i++) yield chunk;
      yield Buffer.from('\r\nexample.test\n');
    }
    const before = heapUsed();
    const lines: string[] = [];
    for await (const line of boundedLines(Readable.from(endless()), 1025)) lines.push(line);
    expect(lines.map((line) => line.length)).toEqual([1025, 'example.test'.length]);
    expect(lines[1]).toBe('example.test');
    expect(heapUsed() - before).toBeLessThan(32 * 1024 * 1024);
  });

  it('German wording too', async () => {
    const io = captureIo({ env: { NO_COLOR: '1', LANG: 'de_DE.UTF-8' } });
    const code = await main(['export', '--settings', '/dev/zero', '--out', join(dir, 'o')], io);
    expect(code).toBe(2);
    expect(io.err()).toMatch(/keine gewöhnliche Datei/);
  });
});
