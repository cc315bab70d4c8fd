/**
 * What a CLI command may touch: its streams and environment. Tests pass their own; `main()` passes
 * the process's. Commands never call process.exit: they return their exit code.
 */
import type { Readable, Writable } from 'node:stream';

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
