import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parsePlist } from 'plist';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import { captureIo } from '../../helpers/cli-io.ts';
import { JANE } from './fixtures.ts';

function fakeIo(stdinText = '', env: Record<string, string> = {}) {
  const io = captureIo({ stdin: stdinText, env });
  return { io, out: io.out, err: io.err };
}

let dir: string;
let settingsFile: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailsetup-export-'));
  settingsFile = join(dir, 'settings.json');
  await writeFile(settingsFile, JSON.stringify(JANE));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('mailsetup export', () => {
  it('writes every format by default and explains each file', async () => {
    const out = join(dir, 'out');
    const run = fakeIo();
    expect(await main(['export', '--settings', settingsFile, '--out', out], run.io)).toBe(0);
    expect((await readdir(out)).sort()).toEqual(
      [
        'autodiscover.xml',
        'config-v1.1.xml',
        'jane@example.com.mobileconfig',
        'outlook.prf',
        'report.json',
        'report.txt',
        'settings.html',
        'user.js',
      ].sort(),
    );
    expect(run.out()).toContain('outlook.exe /importprf outlook.prf');
    expect(run.err()).toBe('');
  });

  it('writes only the chosen formats, in the language of the environment', async () => {
    const out = join(dir, 'out');
    const run = fakeIo('', { LANG: 'de_DE.UTF-8' });
    const code = await main(
      ['export', '--settings', settingsFile, '--out', out, '--format', 'sheet,outlook'],
      run.io,
    );
    expect(code).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      'autodiscover.xml',
      'outlook.prf',
      'settings.html',
    ]);
    expect(await readFile(join(out, 'settings.html'), 'utf8')).toContain('<html lang="de">');
    expect(run.out()).toContain('Geschrieben:');
  });

  it('refuses to overwrite an existing file unless --force, and then writes nothing', async () => {
    const out = join(dir, 'out');
    await main(
      ['export', '--settings', settingsFile, '--out', out, '--format', 'thunderbird'],
      fakeIo().io,
    );
    await writeFile(join(out, 'user.js'), 'mine');
    const again = fakeIo();
    const args = [
      'export',
      '--settings',
      settingsFile,
      '--out',
      out,
      '--format',
      'thunderbird,sheet',
    ];
    expect(await main(args, again.io)).toBe(2);
    expect(again.err()).toContain('--force');
    expect(await readFile(join(out, 'user.js'), 'utf8')).toBe('mine');
    await expect(stat(join(out, 'settings.html'))).rejects.toThrow();

    expect(await main([...args, '--force'], fakeIo().io)).toBe(0);
    expect(await readFile(join(out, 'user.js'), 'utf8')).toContain('user_pref(');
  });

  it.each([
    [
      'names the bad field of a settings file',
      JSON.stringify({ ...JANE, outgoing: { ...JANE.outgoing, port: 'x' } }),
      'outgoing.port',
    ],
    ['says when the settings file is not JSON', '{ nope', 'JSON'],
  ])('%s', async (_title, content, named) => {
    await writeFile(settingsFile, content);
    const run = fakeIo();
    expect(
      await main(['export', '--settings', settingsFile, '--out', join(dir, 'o')], run.io),
    ).toBe(2);
    expect(run.err()).toContain(named);
  });

  it('rejects an unknown format', async () => {
    const run = fakeIo();
    const code = await main(
      ['export', '--settings', settingsFile, '--out', join(dir, 'o'), '--format', 'lotus'],
      run.io,
    );
    expect(code).toBe(2);
    expect(run.err()).toContain('lotus');
  });

  it('puts the password into the Apple profile only with --include-password, and warns', async () => {
    await writeFile(settingsFile, JSON.stringify({ ...JANE, password: 'from-file-pw' }));
    const plainOut = join(dir, 'plain');
    await main(['export', '--settings', settingsFile, '--out', plainOut], fakeIo().io);
    for (const name of await readdir(plainOut)) {
      expect(await readFile(join(plainOut, name), 'utf8')).not.toContain('from-file-pw');
    }

    const out = join(dir, 'secret');
    const run = fakeIo('typed-pw-42\n');
    const code = await main(
      [
        'export',
        '--settings',
        settingsFile,
        '--out',
        out,
        '--include-password',
        '--password-stdin',
      ],
      run.io,
    );
    expect(code).toBe(0);
    const profilePath = join(out, 'jane@example.com.mobileconfig');
    const profile = parsePlist(await readFile(profilePath, 'utf8')) as {
      PayloadContent: Array<Record<string, unknown>>;
    };
    expect(profile.PayloadContent[0]!.IncomingPassword).toBe('typed-pw-42');
    expect((await stat(profilePath)).mode & 0o077).toBe(0);
    expect(run.err()).toContain('password');
    for (const name of await readdir(out)) {
      if (name.endsWith('.mobileconfig')) continue;
      expect(await readFile(join(out, name), 'utf8')).not.toContain('typed-pw-42');
    }
  });

  it('needs --password-stdin for --include-password', async () => {
    const run = fakeIo();
    const args = [
      'export',
      '--settings',
      settingsFile,
      '--out',
      join(dir, 'o'),
      '--include-password',
    ];
    expect(await main(args, run.io)).toBe(2);
    expect(run.err()).toContain('--password-stdin');
  });
});
