/**
 * Security review, item 12: the PRF was written as UTF-8, which Outlook's 8-bit ANSI reader turns
 * into mojibake ("JÃ¶rg"). Now `outlook.prf` is Windows-1252 when every character fits (German
 * and most Western names), read back here by an independent reader (Python's configparser with
 * the cp1252 codec); a value that does not fit is left out and the export step says so.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import { encodeWindows1252, fitsWindows1252 } from '../../../shared/export/windows-1252.ts';
import { captureIo } from '../../helpers/cli-io.ts';
import { JANE } from '../export/fixtures.ts';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'prf-encoding-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Exports the PRF for this display name; returns the file's bytes and the terminal text. */
async function exportPrf(displayName: string, lang = 'en_US.UTF-8') {
  const settings = join(dir, 'settings.json');
  writeFileSync(settings, JSON.stringify({ ...JANE, displayName }));
  const out = join(dir, 'out');
  const io = captureIo({ env: { NO_COLOR: '1', LANG: lang } });
  const code = await main(
    ['export', '--settings', settings, '--out', out, '--format', 'outlook', '--force'],
    io,
  );
  expect(code).toBe(0);
  const path = join(out, 'outlook.prf');
  return { path, bytes: readFileSync(path), text: io.out() + io.err() };
}

/** [Account1] as Python's configparser reads the file in Windows-1252 (not our reader). */
function readWithPython(path: string): Record<string, string> {
  const script = [
    'import configparser, json, sys',
    'c = configparser.ConfigParser(interpolation=None, strict=False)',
    'c.optionxform = str',
    "c.read(sys.argv[1], encoding='cp1252')",
    "print(json.dumps(dict(c['Account1'])))",
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' })) as Record<
    string,
    string
  >;
}

describe('outlook.prf encoding', () => {
  it('writes a German name in Windows-1252, one byte per letter, no BOM', async () => {
    const name = 'Jörg Müller-Straße';
    const { path, bytes, text } = await exportPrf(name);
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    // UTF-8 would hold C3 B6 for ö; Windows-1252 holds F6.
    expect(bytes.includes(Buffer.from('Jörg', 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from(encodeWindows1252(`DisplayName=${name}`)))).toBe(true);
    expect(readWithPython(path).DisplayName).toBe(name);
    expect(text).not.toContain('leaves out');
  });

  it('uses the 0x80-0x9F letters Windows-1252 has beyond Latin-1 (€, „“, Š, Œ)', async () => {
    const name = 'Šárka „Œuvre“ €';
    expect(fitsWindows1252(name)).toBe(true);
    const { path, bytes } = await exportPrf(name);
    expect(bytes.includes(Buffer.from([0x8a]))).toBe(true); // Š
    expect(bytes.includes(Buffer.from([0x80]))).toBe(true); // €
    expect(readWithPython(path).DisplayName).toBe(name);
  });

  it('leaves out a name Windows-1252 cannot hold, and the export step says so', async () => {
    const name = '李小龙 (Bruce Lee)';
    const { path, bytes, text } = await exportPrf(name);
    expect([...bytes].every((byte) => byte < 0x80)).toBe(true);
    const account = readWithPython(path);
    expect(account).not.toHaveProperty('DisplayName');
    // The rest of the account is all there.
    expect(account.EmailAddress).toBe(JANE.address);
    expect(account.IMAPServer ?? account.POP3Server).toBe(JANE.incoming.host);
    expect(text).toContain(`leaves out "${name}"`);
  });

  it('says so in German too', async () => {
    const { text } = await exportPrf('Ελένη', 'de_DE.UTF-8');
    expect(text).toContain('lässt "Ελένη" weg');
  });
});
