import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import { usage } from '../../../electron/cli/usage.ts';
import { FINISH_CODES } from '../../../shared/finish.ts';
import { catalogues } from '../../../shared/i18n/catalogues.ts';
import { captureIo } from '../../helpers/cli-io.ts';
import { ALICE, EXISTING_PREFS } from './fixtures.ts';

let dir: string;
let settingsFile: string;
let profile: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailsetup-add-'));
  settingsFile = join(dir, 'settings.json');
  profile = join(dir, 'profile');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(profile);
  await writeFile(join(profile, 'prefs.js'), EXISTING_PREFS);
  await writeFile(settingsFile, JSON.stringify({ ...ALICE, password: 'never-written' }));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('mailsetup add thunderbird', () => {
  it('adds, says where and what next, then finds it there on the second run', async () => {
    const first = captureIo();
    expect(
      await main(['add', 'thunderbird', '--settings', settingsFile, '--profile', profile], first),
    ).toBe(0);
    expect(first.out()).toContain('Added alice@good.test to the Thunderbird profile');
    expect(first.out()).toContain('account3');
    expect(first.out()).toContain('asks for the password');
    const prefs = await readFile(join(profile, 'prefs.js'), 'utf8');
    expect(prefs).not.toContain('never-written');
    const second = captureIo({ env: { LANG: 'de_DE.UTF-8' } });
    expect(
      await main(['add', 'thunderbird', '--settings', settingsFile, '--profile', profile], second),
    ).toBe(0);
    expect(second.out()).toContain('hat alice@good.test schon');
    expect(await readFile(join(profile, 'prefs.js'), 'utf8')).toBe(prefs);
  });

  it('--json prints one document; a running Thunderbird is exit 1 with the sentence', async () => {
    await symlink(`127.0.0.1:+${process.pid}`, join(profile, 'lock'));
    const io = captureIo();
    const code = await main(
      ['add', 'thunderbird', '--settings', settingsFile, '--profile', profile, '--json'],
      io,
    );
    expect(code).toBe(1);
    expect(JSON.parse(io.out())).toEqual({
      ok: false,
      code: 'thunderbird-running',
      message: 'Thunderbird is open. Close Thunderbird and press again.',
    });
  });

  it('bad usage is exit 2: no program, another program, no settings, a bad file or folder', async () => {
    const cases: string[][] = [
      ['add'],
      ['add', 'evolution', '--settings', settingsFile],
      ['add', 'thunderbird'],
      ['add', 'thunderbird', '--settings', join(dir, 'missing.json')],
      ['add', 'thunderbird', '--settings', settingsFile, '--profile', join(dir, 'nope')],
    ];
    for (const args of cases) {
      const io = captureIo();
      expect(await main(args, io), args.join(' ')).toBe(2);
      expect(io.err()).toMatch(/^mailsetup add: \S/);
    }
  });

  it('documents itself and its exit codes', () => {
    const text = usage('add');
    expect(text).toContain(
      'mailsetup add thunderbird --settings FILE.json [--profile DIR] [--json]',
    );
    expect(text).toContain('--profile DIR');
    expect(text).toMatch(/Exit codes: 0 added or already there, 1 not added/);
  });

  it('every finish code has its sentence in every language', () => {
    for (const [language, namespaces] of Object.entries(catalogues)) {
      const codes = (namespaces.finish as { codes: Record<string, string> }).codes;
      expect(Object.keys(codes).sort(), language).toEqual([...FINISH_CODES].sort());
    }
  });
});
