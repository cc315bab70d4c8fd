/**
 * Terminal colours, only on a TTY and never when NO_COLOR is set (https://no-color.org); plain
 * text for pipes, files and tests.
 */
import type { CliIo } from './io.ts';

export type Paint = (text: string) => string;

export interface Colours {
  enabled: boolean;
  red: Paint;
  green: Paint;
  yellow: Paint;
  dim: Paint;
  bold: Paint;
}

const sgr =
  (open: number, close: number): Paint =>
  (text) =>
    `\x1b[${open}m${text}\x1b[${close}m`;

const plain: Paint = (text) => text;

export function createColours(stream: CliIo['stdout'], env: CliIo['env']): Colours {
  const enabled = stream.isTTY === true && env.NO_COLOR === undefined && env.TERM !== 'dumb';
  if (!enabled)
    return { enabled, red: plain, green: plain, yellow: plain, dim: plain, bold: plain };
  return {
    enabled,
    red: sgr(31, 39),
    green: sgr(32, 39),
    yellow: sgr(33, 39),
    dim: sgr(2, 22),
    bold: sgr(1, 22),
  };
}

/** Visible length of text that may contain colour codes. */
export function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, '').length;
}
