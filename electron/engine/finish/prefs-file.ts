/**
 * Reading and editing a Mozilla prefs file (Thunderbird's prefs.js, user.js) as text. Pure.
 *
 * The grammar is the one of Mozilla's pref parser (modules/libpref/parser): statements
 * `pref|user_pref|sticky_pref ( "name" , value [, locked|sticky]* ) ;`, values a string in double
 * or single quotes (escapes \" \' \\ \n \r \xHH \uHHHH, surrogate pairs joined), `true`, `false`
 * or a 32-bit integer with an optional sign; comments `//`, `#` and `/* … *\/`. Anything else is a
 * syntax error: a file we cannot read exactly is never rewritten.
 *
 * Editing keeps the file as it is: a changed pref has its statement replaced in place, new prefs
 * are appended, every other byte (comments, order, other prefs) stays.
 */
import { userPrefLine, type PrefValue } from '../../../shared/export/thunderbird-prefs.ts';

export type PrefKind = 'pref' | 'user_pref' | 'sticky_pref';

/** One statement of the file, with where it stands (UTF-16 offsets into the text). */
export interface PrefStatement {
  kind: PrefKind;
  name: string;
  value: PrefValue;
  start: number;
  end: number;
}

export type ParseResult =
  { ok: true; statements: PrefStatement[] } | { ok: false; error: string; offset: number };

class SyntaxFault extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const KINDS: readonly PrefKind[] = ['user_pref', 'sticky_pref', 'pref'];
const MAX_INT = 2 ** 31 - 1;
const MIN_INT = -(2 ** 31);

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  fail(message: string): never {
    throw new SyntaxFault(message, this.pos);
  }

  /** Skips whitespace and comments. */
  skip(): void {
    const { text } = this;
    while (this.pos < text.length) {
      const ch = text[this.pos]!;
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v') {
        this.pos += 1;
      } else if (ch === '#' || text.startsWith('//', this.pos)) {
        const eol = text.indexOf('\n', this.pos);
        this.pos = eol === -1 ? text.length : eol + 1;
      } else if (text.startsWith('/*', this.pos)) {
        const close = text.indexOf('*/', this.pos + 2);
        if (close === -1) this.fail('unterminated comment');
        this.pos = close + 2;
      } else {
        return;
      }
    }
  }

  expect(ch: string): void {
    this.skip();
    if (this.text[this.pos] !== ch) this.fail(`expected ${ch}`);
    this.pos += 1;
  }

  word(): string {
    this.skip();
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos, this.pos + 64));
    if (!match) this.fail('expected a keyword');
    this.pos += match[0].length;
    return match[0];
  }

  hex(digits: number): number {
    const chunk = this.text.slice(this.pos, this.pos + digits);
    if (!new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(chunk)) this.fail('bad escape');
    this.pos += digits;
    return parseInt(chunk, 16);
  }

  string(): string {
    this.skip();
    const quote = this.text[this.pos];
    if (quote !== '"' && quote !== "'") this.fail('expected a string');
    this.pos += 1;
    let out = '';
    for (;;) {
      if (this.pos >= this.text.length) this.fail('unterminated string');
      const ch = this.text[this.pos]!;
      this.pos += 1;
      if (ch === quote) return out;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const esc = this.text[this.pos];
      this.pos += 1;
      if (esc === '"' || esc === "'" || esc === '\\') out += esc;
      else if (esc === 'n') out += '\n';
      else if (esc === 'r') out += '\r';
      else if (esc === 'x') out += String.fromCharCode(this.hex(2));
      else if (esc === 'u') out += String.fromCharCode(this.hex(4));
      else {
        this.pos -= 1;
        this.fail('unexpected escape');
      }
    }
  }

  value(): PrefValue {
    this.skip();
    const ch = this.text[this.pos];
    if (ch === '"' || ch === "'") return this.string();
    const number = /^[+-]?[0-9]+/.exec(this.text.slice(this.pos, this.pos + 32));
    if (number) {
      const value = Number(number[0]);
      if (!Number.isSafeInteger(value) || value > MAX_INT || value < MIN_INT) {
        this.fail('integer out of range');
      }
      this.pos += number[0].length;
      return value;
    }
    const word = this.word();
    if (word === 'true') return true;
    if (word === 'false') return false;
    this.fail('expected a value');
  }

  statement(): PrefStatement {
    const start = this.pos;
    const kind = this.word();
    if (!(KINDS as readonly string[]).includes(kind)) this.fail('expected pref or user_pref');
    this.expect('(');
    const name = this.string();
    this.expect(',');
    const value = this.value();
    for (;;) {
      this.skip();
      if (this.text[this.pos] !== ',') break;
      this.pos += 1;
      const attribute = this.word();
      if (attribute !== 'locked' && attribute !== 'sticky') this.fail('unknown attribute');
    }
    this.expect(')');
    this.expect(';');
    return { kind: kind as PrefKind, name, value, start, end: this.pos };
  }
}

/** Every statement of a prefs file, in file order; or where it stops making sense. */
export function parsePrefs(text: string): ParseResult {
  const reader = new Reader(text);
  const statements: PrefStatement[] = [];
  try {
    if (reader.text.charCodeAt(0) === 0xfeff) reader.pos = 1;
    for (;;) {
      reader.skip();
      if (reader.pos >= text.length) return { ok: true, statements };
      statements.push(reader.statement());
    }
  } catch (error) {
    if (error instanceof SyntaxFault)
      return { ok: false, error: error.message, offset: error.offset };
    throw error;
  }
}

/** The values the file sets, as Mozilla reads them: the last statement of a name wins. */
export function prefValues(statements: readonly PrefStatement[]): Map<string, PrefValue> {
  const values = new Map<string, PrefValue>();
  for (const statement of statements) values.set(statement.name, statement.value);
  return values;
}

/**
 * The text with `changes` applied: a pref the file already sets has its (last) statement
 * replaced in place, keeping its kind; the others are appended as `user_pref` lines, in the order
 * given. Every other byte stays as it was.
 */
export function applyPrefChanges(
  text: string,
  statements: readonly PrefStatement[],
  changes: ReadonlyArray<readonly [string, PrefValue]>,
): string {
  const last = new Map<string, PrefStatement>();
  for (const statement of statements) last.set(statement.name, statement);
  const replacements: Array<{ start: number; end: number; line: string }> = [];
  const appended: string[] = [];
  for (const [name, value] of changes) {
    const existing = last.get(name);
    const line = userPrefLine(name, value);
    if (!existing) {
      appended.push(line);
      continue;
    }
    const kept = existing.kind === 'user_pref' ? line : line.replace(/^user_pref/, existing.kind);
    replacements.push({ start: existing.start, end: existing.end, line: kept });
  }
  replacements.sort((a, b) => b.start - a.start);
  let out = text;
  for (const { start, end, line } of replacements)
    out = out.slice(0, start) + line + out.slice(end);
  if (appended.length === 0) return out;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = out === '' || out.endsWith('\n') ? '' : eol;
  return `${out}${separator}${appended.join(eol)}${eol}`;
}
