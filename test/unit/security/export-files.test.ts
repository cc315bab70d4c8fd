/**
 * Security review, item 9: `export --force` wrote through a symbolic link out of the target
 * folder, and a pre-existing world-readable file kept mode 0666 after a password was written into
 * it. Now every file is a new file that takes the name (write, flush, rename): a link in the
 * folder is replaced, never followed; a file holding the password has mode 0600; nothing
 * half-written or temporary is left behind.
 */
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import { writeFileAtomically } from '../../../electron/engine/files/atomic-write.ts';
import { captureIo } from '../../helpers/cli-io.ts';
import { JANE } from '../export/fixtures.ts';

const PASSWORD = 'Export-Secr3t';
const APPLE = 'jane@example.com.mobileconfig';
let dir = '';
let out = '';
let outside = '';
let settings = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'export-files-'));
  out = join(dir, 'out');
  mkdirSync(out);
  outside = join(dir, 'outside.txt');
  writeFileSync(outside, 'precious\n');
  settings = join(dir, 'settings.json');
  writeFileSync(settings, JSON.stringify(JANE));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function exportTo(extra: string[], stdin = ''): Promise<{ code: number; text: string }> {
  const io = captureIo({ stdin, env: { NO_COLOR: '1' } });
  const code = await main(['export', '--settings', settings, '--out', out, ...extra], io);
  return { code, text: io.out() + io.err() };
}

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('export into a folder someone else prepared', () => {
  it('--force replaces a symbolic link in the folder and leaves its target alone', async () => {
    symlinkSync(outside, join(out, 'outlook.prf'));
    symlinkSync(join(dir, 'nowhere'), join(out, 'user.js'));
    const result = await exportTo(['--force']);
    expect(result.code).toBe(0);
    expect(readFileSync(outside, 'utf8')).toBe('precious\n');
    expect(readdirSync(dir).sort()).toEqual(['out', 'outside.txt', 'settings.json']);
    for (const name of ['outlook.prf', 'user.js']) {
      expect(lstatSync(join(out, name)).isSymbolicLink()).toBe(false);
      expect(readFileSync(join(out, name), 'latin1').length).toBeGreaterThan(20);
    }
  });

  it('without --force, a link (even a dangling one) holding a name stops the export', async () => {
    symlinkSync(join(dir, 'nowhere'), join(out, 'outlook.prf'));
    const result = await exportTo([]);
    expect(result.code).toBe(2);
    expect(result.text).toContain('outlook.prf');
    expect(readdirSync(dir).sort()).toEqual(['out', 'outside.txt', 'settings.json']);
    expect(readdirSync(out)).toEqual(['outlook.prf']);
  });

  it('a file that holds the password gets mode 0600, even over a world-readable one', async () => {
    const apple = join(out, APPLE);
    writeFileSync(apple, 'old');
    const { chmodSync } = await import('node:fs');
    chmodSync(apple, 0o666);
    const before = statSync(apple).ino;
    const result = await exportTo(
      ['--force', '--include-password', '--password-stdin'],
      `${PASSWORD}\n`,
    );
    expect(result.code).toBe(0);
    expect(readFileSync(apple, 'utf8')).toContain(PASSWORD);
    expect(mode(apple)).toBe(0o600);
    // A new file took the name: the old one (and whoever held it open) never saw the password.
    expect(statSync(apple).ino).not.toBe(before);
    expect(mode(join(out, 'outlook.prf'))).toBe(0o644);
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writeFileAtomically leaves no temporary file when the swap fails', async () => {
    // A file cannot be renamed over a folder: the swap fails after the new text was written.
    const folder = join(out, 'folder');
    mkdirSync(folder);
    await expect(
      writeFileAtomically(folder, 'new text', { mode: 0o600, replace: true }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/EISDIR|ENOTDIR|EEXIST/) });
    expect(statSync(folder).isDirectory()).toBe(true);
    expect(readdirSync(out)).toEqual(['folder']);
  });
});
