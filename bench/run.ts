/**
 * `npm run bench [-- --runs N] [-- --only id,id]`: runs the benchmarks against the loopback mail
 * lab (started here unless one is up already, and then stopped again), prints a table of medians
 * and writes it, with the machine's description and the date, to bench/results.md (a run with
 * --only prints but leaves the file alone). Not part of `npm test`. Benchmark ids: nmap,
 * parallel, silent, e2e, scale, startup, health.
 */
import { parseArgs } from 'node:util';
import { acquireLab, releaseLab } from '../test/lab/lab-lease.ts';
import { runCommand, type Benchmark, type Row } from './harness.ts';
import * as endToEnd from './end-to-end.ts';
import * as health from './health.ts';
import { describeMachine } from './machine.ts';
import * as parallel from './parallelism.ts';
import * as nmap from './probe-vs-nmap.ts';
import { RESULTS_FILE, terminalTable, writeResults } from './results-file.ts';
import * as scale from './scale.ts';
import * as silent from './silent-host.ts';
import * as startup from './startup.ts';
import { findTool, missingText } from './tools.ts';

const BENCHMARKS: Benchmark[] = [
  { id: 'nmap', title: 'Probe vs nmap', run: nmap.run },
  { id: 'parallel', title: 'Parallelism', run: parallel.run },
  { id: 'silent', title: 'Silent host', run: silent.run },
  { id: 'e2e', title: 'End to end', run: endToEnd.run },
  { id: 'scale', title: 'Scale: 50 hosts', run: scale.run },
  { id: 'startup', title: 'Start-up and size', run: startup.run },
  { id: 'health', title: 'Domain health', run: health.run },
];

function options(): { runs: number; only: Set<string> | null } {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '5' }, only: { type: 'string' } },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100) throw new Error('--runs takes 1..100');
  const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;
  for (const id of only ?? []) {
    if (!BENCHMARKS.some((b) => b.id === id)) {
      throw new Error(
        `unknown benchmark '${id}' (known: ${BENCHMARKS.map((b) => b.id).join(', ')})`,
      );
    }
  }
  return { runs, only };
}

async function main(): Promise<void> {
  const { runs, only } = options();
  const date = new Date();
  const machine = describeMachine();
  const notes: string[] = [];
  for (const [tool, consequence] of [
    [findTool('nmap'), 'benchmark 1 measures mailsetup alone'],
    [findTool('hyperfine'), 'benchmark 6 times the cold start with its own loop'],
    [findTool('chromium'), 'benchmark 6 cannot measure the first paint'],
  ] as const) {
    if (!tool.path) {
      const text = missingText(tool, consequence);
      console.log(`! ${text}`);
    }
  }

  console.log('Building the CLI bundle ...');
  const built = await runCommand(process.execPath, ['scripts/build.mjs', 'cli']);
  if (built.code !== 0) throw new Error(`building the CLI failed: ${built.stderr}`);

  console.log('Starting (or reusing) the mail lab ...');
  const lab = await acquireLab({ persistent: false });
  const rows: Row[] = [];
  try {
    for (const bench of BENCHMARKS) {
      if (only && !only.has(bench.id)) continue;
      console.log(`\n== ${bench.title} (${bench.id})`);
      const started = performance.now();
      try {
        const result = await bench.run({ lab, runs, log: (line) => console.log(line) });
        rows.push(...result.rows);
        notes.push(...result.notes);
        console.log(terminalTable(result.rows));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        console.log(`! ${bench.title} failed: ${message}`);
        rows.push({
          bench: bench.title,
          metric: 'run',
          value: message.slice(0, 200),
          target: '',
          verdict: 'error',
        });
      }
      console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await releaseLab(lab);
  }

  console.log(`\n${terminalTable(rows)}\n`);
  if (only) {
    console.log(`Only part of the benchmarks ran: ${RESULTS_FILE} was left as it was.`);
  } else {
    writeResults({ date, runs, machine, rows, notes });
    console.log(`Written to ${RESULTS_FILE}`);
  }
  if (rows.some((r) => r.verdict === 'error')) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
