/**
 * A table that fills in while results arrive. On a terminal, every row is drawn at once (pending)
 * and redrawn in place when its result comes; elsewhere (pipes, files, tests) each row is printed
 * once, when its result comes. Columns have fixed widths so rows line up either way.
 */
import { visibleLength, type Paint } from './colour.ts';
import type { CliIo } from './io.ts';

export interface Column {
  key: string;
  title: string;
  /** Minimum width; the title's length is the floor. */
  width: number;
  align?: 'left' | 'right';
}

/** A cell: its text, and optionally a colour applied after padding. */
export type Cell = string | { text: string; paint?: Paint };

const GAP = '  ';

export function fitColumns(columns: readonly Column[]): Column[] {
  return columns.map((c) => ({ ...c, width: Math.max(c.width, c.title.length) }));
}

/** One line of the table; text longer than its column is cut with an ellipsis. */
export function formatRow(columns: readonly Column[], cells: Record<string, Cell>): string {
  return columns
    .map((column, index) => {
      const cell = cells[column.key] ?? '';
      const { text, paint } = typeof cell === 'string' ? { text: cell, paint: undefined } : cell;
      const last = index === columns.length - 1;
      const cut =
        text.length > column.width && !last ? `${text.slice(0, column.width - 1)}…` : text;
      const pad = ' '.repeat(Math.max(0, column.width - visibleLength(cut)));
      const padded = column.align === 'right' ? pad + cut : last ? cut : cut + pad;
      return paint ? paintPadded(padded, paint) : padded;
    })
    .join(GAP)
    .trimEnd();
}

// eslint-disable-next-line no-control-regex
const SGR = /^\x1b\[[0-9;]*m/;

/**
 * The line cut to `width` visible characters (colour codes kept, a reset added when cut), so a
 * live table row never wraps: a wrapped row would break the in-place redraw.
 */
export function cutToWidth(line: string, width: number | undefined): string {
  if (!width || width < 1 || visibleLength(line) <= width) return line;
  let out = '';
  let visible = 0;
  for (let i = 0; i < line.length && visible < width - 1;) {
    const code = SGR.exec(line.slice(i))?.[0];
    if (code) {
      out += code;
      i += code.length;
      continue;
    }
    out += line[i];
    visible += 1;
    i += 1;
  }
  return `${out}…${line.includes('\x1b[') ? '\x1b[0m' : ''}`;
}

/** Colours the text, not the padding around it. */
function paintPadded(padded: string, paint: Paint): string {
  const match = /^(\s*)(.*?)(\s*)$/.exec(padded);
  return match ? `${match[1]}${paint(match[2] ?? '')}${match[3]}` : paint(padded);
}

export class LiveTable {
  readonly #out: CliIo['stdout'];
  readonly #columns: Column[];
  readonly #rows: string[];
  readonly #live: boolean;
  /** Terminal width on a live terminal (rows are cut to it), else undefined. */
  readonly #width: number | undefined;
  #drawn = false;

  /** `rows` are the keys of the rows, in display order. */
  constructor(
    out: CliIo['stdout'],
    columns: readonly Column[],
    rows: readonly string[],
    options: { live: boolean; header?: Paint },
  ) {
    this.#out = out;
    this.#columns = fitColumns(columns);
    this.#rows = [...rows];
    this.#live = options.live;
    this.#width = options.live ? out.columns : undefined;
    const titles = Object.fromEntries(this.#columns.map((c) => [c.key, c.title]));
    const header = cutToWidth(formatRow(this.#columns, titles), this.#width);
    this.#out.write(`${options.header ? options.header(header) : header}\n`);
  }

  /** Shows every row with the same placeholder cells (terminal only). */
  drawPending(cells: (row: string) => Record<string, Cell>): void {
    if (!this.#live) return;
    for (const row of this.#rows) {
      this.#out.write(`${cutToWidth(formatRow(this.#columns, cells(row)), this.#width)}\n`);
    }
    this.#drawn = true;
  }

  /** Fills in a row: redrawn in place on a terminal, printed now elsewhere. */
  update(row: string, cells: Record<string, Cell>): void {
    const line = cutToWidth(formatRow(this.#columns, cells), this.#width);
    const index = this.#rows.indexOf(row);
    if (!this.#live || !this.#drawn || index === -1) {
      this.#out.write(`${line}\n`);
      return;
    }
    const up = this.#rows.length - index;
    // Up to the row, clear it, write, and back down below the table.
    this.#out.write(`\x1b[${up}A\r\x1b[2K${line}\x1b[${up}B\r`);
  }
}
