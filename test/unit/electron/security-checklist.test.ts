import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const here = new URL('./', import.meta.url);
const checklist = readFileSync(
  new URL('../../../electron/SECURITY-CHECKLIST.md', import.meta.url),
  'utf8',
);

describe('electron/SECURITY-CHECKLIST.md', () => {
  const rows = checklist.split('\n').filter((line) => /^\| \d+ \|/.test(line));

  it('covers all 20 items of Electron’s checklist, in order', () => {
    expect(rows.map((row) => Number(row.split('|')[1]))).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  it('names only tests that exist', () => {
    let file = '';
    let checked = 0;
    for (const row of rows) {
      for (const [, reference] of row.matchAll(/`([^`]*›[^`]*)`/g)) {
        const parts = reference!.split(' › ').map((p) => p.trim());
        if (parts[0] !== '…') file = parts[0]!;
        const source = readFileSync(new URL(file, here), 'utf8');
        const name = parts[parts.length - 1]!;
        const prefix = name.endsWith(' …') ? name.slice(0, -2) : name;
        expect(source, `${file}: ${name}`).toContain(`it('${prefix.replace(/ ….*$/, '')}`);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});
