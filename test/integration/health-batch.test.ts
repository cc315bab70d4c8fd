/**
 * Batch mode against the lab, through the built `mailsetup` binary (build it first:
 * `node scripts/build.mjs cli`): `health --batch` over 1,000 lines writes 1,000 JSON lines in input
 * order, a summary on standard error and exit code 1 (some domains have errors), and memory that
 * stays flat: with the JavaScript heap capped (so V8 collects instead of growing lazily), 2,000
 * lines peak at no more resident memory than 1,000 (+10 %): the list is streamed, not collected. `check --batch -` reads
 * standard input, keeps the order, answers a bad line with an error object and includes the
 * domain's health with --health.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { labCliArgs } from '../helpers/cli-io.ts';
import { HEALTH_DOMAINS as H } from '../lab/health-records.ts';

const lab = inject('lab');
const BIN = fileURLToPath(new URL('../../bin/mailsetup.js', import.meta.url));
const DOMAINS = [H.healthy, H.shop, H.noSpf, H.twoSpf, H.manySpf, H.badDmarc];
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailsetup-batch-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  lines: Array<Record<string, unknown>>;
  stderr: string;
  /** Highest resident set size seen while it ran (sampled from /proc), in KiB. */
  peakKib: number;
  /** Every sample, in KiB. */
  samples: number[];
}

/** A heap cap well above what one line needs, well below what a collected list would. */
const HEAP_CAP = '--max-old-space-size=40';

async function vmRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

function run(args: string[], stdin?: string, node: string[] = []): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...node, BIN, ...args], {
      env: { ...process.env, LANG: 'en_US.UTF-8' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let peakKib = 0;
    const samples: number[] = [];
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const sampler = setInterval(() => {
      if (!child.pid) return;
      void vmRss(child.pid).then((kib) => {
        if (kib === 0) return;
        samples.push(kib);
        peakKib = Math.max(peakKib, kib);
      });
    }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      const lines = stdout
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      resolve({ code, lines, stderr, peakKib, samples });
    });
    child.stdin.end(stdin ?? '');
  });
}

async function listFile(name: string, count: number): Promise<{ file: string; inputs: string[] }> {
  const inputs = Array.from({ length: count }, (_, i) => `user${i}@${DOMAINS[i % DOMAINS.length]}`);
  const file = join(dir, name);
  await writeFile(file, `# customer domains\n${inputs.join('\n')}\n\n`);
  return { file, inputs };
}

describe('batch mode', () => {
  it('health --batch: 1,000 lines in input order, flat memory, a summary, exit 1', async () => {
    const large = await listFile('large.txt', 1000);
    const double = await listFile('double.txt', 2000);
    const args = (file: string) => [
      'health',
      '--batch',
      file,
      '--concurrency',
      '16',
      ...labCliArgs(lab),
    ];
    const second = await run(args(large.file), undefined, [HEAP_CAP]);
    const third = await run(args(double.file), undefined, [HEAP_CAP]);
    console.log(
      `batch peak RSS (heap capped): 1000 lines ${second.peakKib} KiB, 2000 lines ${third.peakKib} KiB`,
    );
    expect(second.code).toBe(1);
    expect(second.lines.map((l) => l.input)).toEqual(large.inputs);
    expect(second.lines.map((l) => l.domain)).toEqual(large.inputs.map((i) => i.split('@')[1]));
    const healthy = second.lines.filter((l) => l.domain === H.healthy);
    expect(healthy.every((l) => (l.findings as unknown[]).length === 0)).toBe(true);
    const twoSpf = second.lines.find((l) => l.domain === H.twoSpf) as {
      findings: Array<{ code: string }>;
    };
    expect(twoSpf.findings.map((f) => f.code)).toContain('spf-multiple');
    // healthy and shop (2 of the 6 domains) have no error.
    expect(second.stderr).toMatch(/1000 checked: 334 without errors, 666 with errors/);
    // Twice the lines, the same memory: the list is streamed, not collected.
    expect(third.lines).toHaveLength(2000);
    expect(second.peakKib).toBeGreaterThan(0);
    expect(third.peakKib).toBeLessThan(second.peakKib * 1.1);
  }, 300_000);

  it('check --batch - --health: standard input, input order, a bad line answered in place', async () => {
    const lines = [`anna@${H.healthy}`, 'not an address', H.noSpf, `bob@${H.shop}`];
    const result = await run(
      ['check', '--batch', '-', '--health', ...labCliArgs(lab)],
      `${lines.join('\n')}\n`,
    );
    expect(result.code).toBe(1);
    expect(result.lines.map((l) => l.input)).toEqual(lines);
    expect(result.lines[1]).toMatchObject({ error: 'invalid-target' });
    expect(result.lines[0]).toMatchObject({
      address: `anna@${H.healthy}`,
      health: { domain: H.healthy },
    });
    expect(result.lines[2]).toMatchObject({ address: `postmaster@${H.noSpf}` });
    const health = result.lines[2]?.health as { findings: Array<{ code: string }> };
    expect(health.findings.map((f) => f.code)).toContain('spf-missing');
    expect(result.stderr).toMatch(/4 checked/);
  }, 120_000);

  it('health --batch with a list that cannot be read: exit 2, one line, no output', async () => {
    const result = await run(['health', '--batch', join(dir, 'missing.txt'), ...labCliArgs(lab)]);
    expect(result.code).toBe(2);
    expect(result.lines).toEqual([]);
    expect(result.stderr).toContain('cannot read the batch list');
  });
});
