/**
 * What a CLI command may touch: its streams and environment. Tests pass their own; `main()` passes
 * the process's. Commands never call process.exit: they return their exit code.
 */
import { Writable, type Readable } from 'node:stream';
import { escapeUnsafeChars } from '../../shared/control-chars.ts';

export interface CliIo {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean };
  stdin: Readable;
  env: Record<string, string | undefined>;
}

/** Exit codes promised in the README. */
export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  failed: 3,
} as const;

/** A usage or input problem: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/** Our own terminal sequences: colours (SGR) and the live table's cursor moves. */
// eslint-disable-next-line no-control-regex -- ESC starts the sequences we let through
const OWN_SEQUENCES = /\x1b\[[0-9;]*[mABK]|\r/;

/**
 * A stream that shows every control character, C1 control and bidi override in what it is given
 * as its code (`\u202e`), except line breaks, tabs and our own colour and cursor sequences: text
 * from servers and documents (greetings, usernames, error words) can neither drive the terminal
 * nor reorder what the person reads.
 */
export function safeTerminal<S extends Writable & { isTTY?: boolean; columns?: number }>(
  stream: S,
): S {
  const safe = new Writable({
    decodeStrings: false,
    // Passed on at once (not after the stream's callback): output keeps its order and nothing
    // waits in this wrapper when the command returns.
    write(chunk: Buffer | string, _encoding, done) {
      stream.write(escapeUnsafeChars(String(chunk), OWN_SEQUENCES));
      done();
    },
  });
  return Object.assign(safe, {
    isTTY: stream.isTTY,
    columns: stream.columns,
  }) as unknown as S;
}

/** The io with both output streams behind safeTerminal. */
export function safeIo(io: CliIo): CliIo {
  return { ...io, stdout: safeTerminal(io.stdout), stderr: safeTerminal(io.stderr) };
}
