/**
 * The results table: printed to the terminal and written, with the machine's description and
 * the date, to bench/results.md.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Row } from './harness.ts';

export const RESULTS_FILE = fileURLToPath(new URL('./results.md', import.meta.url));

const VERDICT: Record<Row['verdict'], string> = {
  met: 'met',
  missed: 'MISSED',
  info: '',
  error: 'ERROR',
};

const HEAD = ['Benchmark', 'Measurement', 'Median', 'Target', 'Verdict'];
const cells = (r: Row): string[] => [r.bench, r.metric, r.value, r.target, VERDICT[r.verdict]];

export function terminalTable(rows: readonly Row[]): string {
  const all = [HEAD, ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    line(HEAD),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((r) => line(cells(r))),
  ].join('\n');
}

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|');

export interface ResultsDocument {
  date: Date;
  runs: number;
  machine: string[];
  rows: Row[];
  notes: string[];
}

export function markdown(doc: ResultsDocument): string {
  const table = [
    `| ${HEAD.join(' | ')} |`,
    `| ${HEAD.map(() => '---').join(' | ')} |`,
    ...doc.rows.map((r) => `| ${cells(r).map(escapeCell).join(' | ')} |`),
  ];
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${doc.date.toISOString().replace(/\.\d+Z$/, 'Z')}, ` +
      `medians of ${doc.runs} runs unless a row says otherwise. Ratios measured in the same run ` +
      'count; absolute times are for orientation only.',
    '',
    '## Machine',
    '',
    ...doc.machine.map((m) => `- ${m}`),
    '',
    '## Results',
    '',
    ...table,
    '',
    '## Notes',
    '',
    ...doc.notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}

export function writeResults(doc: ResultsDocument): void {
  writeFileSync(RESULTS_FILE, markdown(doc));
}
