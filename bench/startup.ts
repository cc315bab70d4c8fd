/**
 * Benchmark 6: how fast things start and how much is shipped. The CLI's cold start to `--help`
 * (timed with hyperfine when installed), the renderer's production JavaScript gzipped, and the
 * first contentful paint of the built renderer in headless Chromium.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import {
  CLI,
  median,
  ms,
  ROOT,
  row,
  runCommand,
  type BenchContext,
  type BenchResult,
  type Row,
} from './harness.ts';
import { firstPaint } from './first-paint.ts';
import { findTool, missingText } from './tools.ts';

const NAME = '6 start-up and size';
/** Start-up runs are cheap; more of them steady the median. */
const MIN_STARTUP_RUNS = 20;

interface HyperfineJson {
  results: Array<{ command: string; median: number; times: number[] }>;
}

/** Median wall time of each command line, in ms: hyperfine if present, else our own loop. */
async function startupMedians(
  commands: string[][],
  runs: number,
  notes: string[],
  dir: string,
): Promise<number[]> {
  const hyperfine = findTool('hyperfine');
  if (hyperfine.path) {
    const file = path.join(dir, 'hyperfine.json');
    const quoted = commands.map((c) => c.map((a) => `'${a}'`).join(' '));
    const result = await runCommand(hyperfine.path, [
      '--shell=none',
      '--warmup',
      '3',
      '--runs',
      String(runs),
      '--export-json',
      file,
      ...quoted,
    ]);
    if (result.code !== 0) throw new Error(`hyperfine exited ${result.code}: ${result.stderr}`);
    const json = JSON.parse(readFileSync(file, 'utf8')) as HyperfineJson;
    return json.results.map((r) => r.median * 1000);
  }
  notes.push(missingText(hyperfine, 'start-up was timed with a plain Node loop instead'));
  const medians: number[] = [];
  for (const [command = '', ...args] of commands) {
    const times: number[] = [];
    for (let i = 0; i < runs + 3; i++) {
      const result = await runCommand(command, args);
      if (i >= 3) times.push(result.ms);
    }
    medians.push(median(times));
  }
  return medians;
}

/** Every .js file under `dir`, with its raw and gzipped size. */
function jsSizes(dir: string): Array<{ file: string; raw: number; gzip: number }> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const body = readFileSync(path.join(dir, file));
      return { file, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
    });
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const notes: string[] = [];
  const rows: Row[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-bench-startup-'));
  try {
    const [help = NaN, bare = NaN] = await startupMedians(
      [
        [process.execPath, CLI, '--help'],
        [process.execPath, '-e', '0'],
      ],
      Math.max(ctx.runs, MIN_STARTUP_RUNS),
      notes,
      dir,
    );
    rows.push(
      row(NAME, 'mailsetup --help, cold start', ms(help), '< 300 ms', help < 300),
      row(NAME, 'node -e 0 (Node alone, for comparison)', ms(bare)),
    );

    // Built into a folder of our own: out/renderer may be in use by a test run at this moment.
    const outDir = path.join(dir, 'renderer');
    await build({
      configFile: path.join(ROOT, 'renderer/vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    const sizes = jsSizes(outDir);
    const gzip = sizes.reduce((sum, s) => sum + s.gzip, 0) / 1024;
    const raw = sizes.reduce((sum, s) => sum + s.raw, 0) / 1024;
    rows.push(
      row(
        NAME,
        `renderer JS gzipped (${sizes.length} files, ${raw.toFixed(0)} KB raw)`,
        `${gzip.toFixed(1)} KB`,
        '<= 250 KB',
        gzip <= 250,
      ),
    );

    const chromium = findTool('chromium');
    if (!chromium.path) {
      notes.push(missingText(chromium, 'the first paint was not measured'));
    } else {
      const scratch = path.join(dir, 'floor');
      mkdirSync(scratch);
      const paint = await firstPaint(outDir, scratch, chromium.path, ctx.runs);
      rows.push(
        row(
          NAME,
          'first contentful paint, headless Chromium',
          ms(paint.fcpMs),
          '< 500 ms',
          paint.fcpMs < 500,
        ),
        row(NAME, 'wizard heading visible (load to h1)', ms(paint.headingMs)),
        row(NAME, 'first paint of a static one-heading page (floor)', ms(paint.floorMs)),
      );
      notes.push(paint.note);
      if (paint.fcpMs >= 500) {
        notes.push(
          `First paint, what limits it: the page paints nothing until the bundle has run and React ` +
            `has rendered (the floor page paints in ${ms(paint.floorMs)}). The single bundle is ` +
            `${raw.toFixed(0)} KB raw; react-dom and the catalogues of both languages are its ` +
            'largest parts (esbuild metafile); loading only the language ' +
            'in use and splitting later steps would shorten it.',
        );
      }
    }
    notes.push(
      `Start-up and size: cold start is \`node bin/mailsetup.js --help\` (the bundled CLI) as a new ` +
        'process each time, after 3 warm-up runs; the renderer is built with its production Vite ' +
        'config into a temporary folder and every .js file is gzipped at level 9.',
    );
    return { rows, notes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
