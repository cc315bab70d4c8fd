/**
 * Keeps electron/SECURITY-CHECKLIST.md honest: all 20 items of Electron's security checklist are
 * listed, each names at least one test (or refers to another item's tests), and every test it
 * names exists - its file under test/unit/electron/ and its title in that file. A renamed or
 * deleted test breaks this instead of leaving the checklist pointing at nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CHECKLIST = new URL('../../../electron/SECURITY-CHECKLIST.md', import.meta.url);
const TESTS = new URL('../electron/', import.meta.url);

interface Row {
  item: number;
  proof: string;
}

function rows(): Row[] {
  return readFileSync(CHECKLIST, 'utf8')
    .split('\n')
    .map((line) => /^\|\s*(\d+)\s*\|(.*)\|\s*$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => {
      const cells = (match[2] ?? '').split('|');
      return { item: Number(match[1]), proof: (cells[cells.length - 1] ?? '').trim() };
    });
}

/** The `file › describe › it` references of a proof cell ('…' repeats the previous file). */
function references(proof: string): Array<{ file: string; title: string }> {
  const found: Array<{ file: string; title: string }> = [];
  let file = '';
  for (const match of proof.matchAll(/`([^`]+›[^`]+)`/g)) {
    const parts = (match[1] ?? '').split('›').map((part) => part.trim());
    if (parts[0] !== '…') file = parts[0] ?? '';
    const title = (parts[parts.length - 1] ?? '').replace(/\s*…$/, '');
    found.push({ file, title });
  }
  return found;
}

describe('electron/SECURITY-CHECKLIST.md', () => {
  const all = rows();

  it('lists the 20 items of the checklist, once each, in order', () => {
    expect(all.map((row) => row.item)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  for (const row of all) {
    it(`item ${row.item} names tests that exist`, () => {
      const referred = /same (two )?tests as item (\d+)/.exec(row.proof);
      const proof = referred
        ? (all.find((r) => r.item === Number(referred[2]))?.proof ?? '')
        : row.proof;
      const refs = references(proof);
      expect(refs.length, `item ${row.item} has no test`).toBeGreaterThan(0);
      for (const { file, title } of refs) {
        const path = new URL(file, TESTS);
        expect(existsSync(path), `item ${row.item}: ${file} missing`).toBe(true);
        expect(readFileSync(path, 'utf8'), `item ${row.item}: "${title}" not in ${file}`).toContain(
          title,
        );
      }
    });
  }
});

describe('electron/SECURITY-CHECKLIST.md: rules from the security review', () => {
  const ROOT = new URL('../../../', import.meta.url);
  const rules = readFileSync(CHECKLIST, 'utf8')
    .split('\n')
    .map((line) => /^\|\s*R(\d+)\s*\|(.*)\|\s*$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => {
      const cells = (match[2] ?? '').split('|');
      return { rule: Number(match[1]), proof: (cells[cells.length - 1] ?? '').trim() };
    });

  it('lists the review rules R1, R2, … once each, in order', () => {
    expect(rules.length).toBeGreaterThanOrEqual(13);
    expect(rules.map((row) => row.rule)).toEqual(rules.map((_, i) => i + 1));
  });

  for (const row of rules) {
    it(`rule R${row.rule} names tests that exist`, () => {
      const refs = references(row.proof);
      expect(refs.length, `R${row.rule} has no test`).toBeGreaterThan(0);
      for (const { file, title } of refs) {
        const path = new URL(file, ROOT);
        expect(existsSync(path), `R${row.rule}: ${file} missing`).toBe(true);
        expect(readFileSync(path, 'utf8'), `R${row.rule}: "${title}" not in ${file}`).toContain(
          title,
        );
      }
    });
  }
});
