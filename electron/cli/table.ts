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
    const titles = Object.fromEntries(this.#columns.map((c) => [c.key, c.title]));
    const header = formatRow(this.#columns, titles);
    this.#out.write(`${options.header ? options.header(header) : header}\n`);
  }

  /** Shows every row with the same placeholder cells (terminal only). */
  drawPending(cells: (row: string) => Record<string, Cell>): void {
    if (!this.#live) return;
    for (const row of this.#rows) this.#out.write(`${formatRow(this.#columns, cells(row))}\n`);
    this.#drawn = true;
  }

  /** Fills in a row: redrawn in place on a terminal, printed now elsewhere. */
  update(row: string, cells: Record<string, Cell>): void {
    const line = formatRow(this.#columns, cells);
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
