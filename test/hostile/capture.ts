/**
 * Loopback packet capture for the secret-leak tests: dumpcap on `lo` with a capture filter,
 * started and stopped around the work under test. Returns null when dumpcap is missing or may not
 * capture here, so callers can skip instead of passing vacuously.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findOnPath } from '../helpers/components.ts';

/** Where dumpcap is; tests declare `needs('dumpcap')` (test/helpers/needs.ts). */
export const DUMPCAP = findOnPath('dumpcap') ?? '/usr/bin/dumpcap';

export interface Capture {
  /** Stops capturing and returns the raw capture file. */
  stop(): Promise<Buffer>;
}

/** Starts dumpcap writing to `dir/name.pcapng`; resolves once it reports that it is capturing. */
export function startCapture(dir: string, name: string, filter: string): Promise<Capture | null> {
  const file = path.join(dir, `${name}.pcapng`);
  return new Promise((resolve) => {
    const child = spawn(DUMPCAP, ['-q', '-i', 'lo', '-f', filter, '-w', file], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let settled = false;
    const finish = (capture: Capture | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!capture) child.kill('SIGTERM');
      resolve(capture);
    };
    const timer = setTimeout(() => finish(null), 10_000);
    child.on('error', () => finish(null));
    child.on('exit', () => finish(null));
    child.stderr.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('Capturing on')) return;
      finish({
        stop: () =>
          new Promise<Buffer>((done) => {
            // Let the last packets reach the buffer, then let dumpcap flush and exit.
            setTimeout(() => {
              child.once('exit', () => void readFile(file).then(done));
              child.kill('SIGTERM');
            }, 500);
          }),
      });
    });
  });
}

/** The forms a password travels in: as is, SASL PLAIN (`\0user\0pass`) and AUTH LOGIN base64. */
export function passwordForms(username: string, password: string): string[] {
  const base64 = (text: string): string => Buffer.from(text).toString('base64');
  return [
    password,
    base64(`\u0000${username}\u0000${password}`),
    base64(`${username}\u0000${username}\u0000${password}`),
    base64(password).replace(/=+$/, ''),
  ];
}

/** The forms of `forms` found in `haystack`. */
export function formsIn(haystack: Buffer | string, forms: readonly string[]): string[] {
  const bytes = typeof haystack === 'string' ? Buffer.from(haystack) : haystack;
  return forms.filter((form) => bytes.includes(Buffer.from(form, 'utf8')));
}
