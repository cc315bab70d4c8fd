/**
 * The password of a command run: one line of standard input (`--password-stdin`) or a silent
 * prompt on a terminal, read once per run (the login step and the export's --include-password
 * share it), refused in words when it is over 4 KiB or not UTF-8. Never echoed, never logged.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { UsageError, type CliIo } from './io.ts';
import type { Translate } from './translate.ts';

export const MAX_PASSWORD_BYTES = 4096;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The first line of standard input (`--password-stdin`), without its line end. Never echoed,
 * never logged. A line over 4 KiB or one that is not UTF-8 is refused (UsageError, nothing is
 * sent) rather than cut or repaired into another password without a word.
 */
export async function readPasswordFromStdin(stdin: CliIo['stdin'], t: Translate): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    chunks.push(buffer);
    size += buffer.length;
    if (buffer.includes(0x0a) || size > MAX_PASSWORD_BYTES + 2) break;
  }
  const bytes = Buffer.concat(chunks);
  const end = bytes.indexOf(0x0a);
  const line = bytes.subarray(0, end === -1 ? bytes.length : end);
  return checkedPassword(line[line.length - 1] === 0x0d ? line.subarray(0, -1) : line, t);
}

/** The password's text, or a UsageError saying why it is refused. */
export function checkedPassword(bytes: Uint8Array, t: Translate): string {
  if (bytes.length > MAX_PASSWORD_BYTES) {
    throw new UsageError(t('security:password.tooLong', { max: MAX_PASSWORD_BYTES }));
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new UsageError(t('security:password.notUtf8'));
  }
}

const passwords = new WeakMap<object, Promise<string>>();

/**
 * The password of this command run, read once: later steps (export with --include-password) get
 * the same value instead of reading standard input a second time.
 */
export function sharedPassword(io: CliIo, address: string, t: Translate): Promise<string> {
  let password = passwords.get(io.stdin);
  if (!password) {
    password = readPassword(io, address, t);
    passwords.set(io.stdin, password);
  }
  return password;
}

/** Reads the password: a silent prompt on a terminal, else the first line of stdin. */
export async function readPassword(io: CliIo, address: string, t: Translate): Promise<string> {
  const stdin = io.stdin as CliIo['stdin'] & { isTTY?: boolean };
  if (!stdin.isTTY) return readPasswordFromStdin(io.stdin, t);
  io.stderr.write(t('verify:prompt.password', { address }));
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: io.stdin, output: muted, terminal: true });
  try {
    const typed = await new Promise<string>((resolve) => {
      reader.once('line', resolve);
      reader.once('close', () => resolve(''));
    });
    // The terminal's bytes were decoded already: a replacement character marks what was not UTF-8.
    if (typed.includes('\ufffd')) throw new UsageError(t('security:password.notUtf8'));
    return checkedPassword(Buffer.from(typed, 'utf8'), t);
  } finally {
    reader.close();
    io.stderr.write('\n');
  }
}
