/**
 * What CLI tests run `mailsetup` with: an io whose standard output and error are captured as
 * strings, standard input given as text, English unless the environment says otherwise; and the
 * options that point a command at the lab (its DNS server, its CA, a short timeout).
 */
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../electron/cli/io.ts';
import type { LabInfo } from '../lab/lab-info.ts';

export type CapturedIo = CliIo & { out: () => string; err: () => string };

export interface CaptureOptions {
  /** What standard input holds; it ends after this text. */
  stdin?: string;
  /** Added to (or overriding) LANG=en_US.UTF-8. */
  env?: Record<string, string>;
  /** Whether standard output claims to be a terminal. */
  tty?: boolean;
}

export function captureIo(options: CaptureOptions = {}): CapturedIo {
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  const stdout = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return {
    stdin,
    stdout,
    stderr,
    env: { LANG: 'en_US.UTF-8', ...options.env },
    out: () => out,
    err: () => err,
  };
}

/** `--dns`, `--ca` and `--timeout` for a command that should ask the lab. */
export function labCliArgs(lab: Pick<LabInfo, 'dns' | 'caFile'>, timeoutMs = 5000): string[] {
  return ['--dns', lab.dns, '--ca', lab.caFile, '--timeout', String(timeoutMs)];
}
