/**
 * Adding to a profile on disk: backup, atomic write, idempotence, the lock, and every refusal
 * leaving prefs.js exactly as it was. (Against a real Thunderbird: the integration test.)
 */
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addToThunderbird,
  listThunderbirdProfiles,
} from '../../../electron/engine/finish/index.ts';
import { parsePrefs, prefValues } from '../../../electron/engine/finish/prefs-file.ts';
import { ALICE, EXISTING_PREFS } from './fixtures.ts';

let profile: string;
beforeEach(async () => {
  profile = await mkdtemp(join(tmpdir(), 'mailsetup-writer-'));
});
afterEach(async () => {
  await rm(profile, { recursive: true, force: true });
});

const prefsPath = () => join(profile, 'prefs.js');
const NOW = new Date('2026-12-03T08:00:00Z');

describe('adding an account to a Thunderbird profile on disk', () => {
  it('backs up prefs.js, adds the account and keeps every other line byte for byte', async () => {
    await writeFile(prefsPath(), EXISTING_PREFS);
    const result = await addToThunderbird(ALICE, {
      profilePath: profile,
      now: NOW,
      platform: 'linux',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        status: 'added',
        profilePath: profile,
        accountKey: 'account3',
        backupPath: join(profile, 'prefs.js.mailsetup-20261203T080000Z.bak'),
      },
    });
    expect(await readFile(join(profile, 'prefs.js.mailsetup-20261203T080000Z.bak'), 'utf8')).toBe(
      EXISTING_PREFS,
    );
    const written = await readFile(prefsPath(), 'utf8');
    const keptLines = EXISTING_PREFS.split('\n').filter(
      (line) =>
        !line.includes('"mail.accountmanager.accounts"') && !line.includes('"mail.smtpservers"'),
    );
    const writtenLines = written.split('\n');
    for (const line of keptLines) expect(writtenLines).toContain(line);
    const parsed = parsePrefs(written);
    if (!parsed.ok) throw new Error(parsed.error);
    const prefs = prefValues(parsed.statements);
    expect(prefs.get('mail.accountmanager.accounts')).toBe('account1,account2,account3');
    expect(prefs.get('mail.identity.id2.fullName')).toBe(ALICE.displayName);
    // No temporary file is left behind.
    expect((await readdir(profile)).sort()).toEqual([
      'prefs.js',
      'prefs.js.mailsetup-20261203T080000Z.bak',
    ]);
  });

  it('adding the same account again changes nothing and makes no backup', async () => {
    await writeFile(prefsPath(), EXISTING_PREFS);
    await addToThunderbird(ALICE, { profilePath: profile, now: NOW, platform: 'linux' });
    const once = await readFile(prefsPath(), 'utf8');
    const again = await addToThunderbird(ALICE, {
      profilePath: profile,
      now: new Date(),
      platform: 'linux',
    });
    expect(again).toEqual({
      ok: true,
      value: { status: 'already-present', profilePath: profile, accountKey: 'account3' },
    });
    expect(await readFile(prefsPath(), 'utf8')).toBe(once);
    expect((await readdir(profile)).length).toBe(2);
  });

  it('refuses while the profile is locked by a running process, writing nothing', async () => {
    await writeFile(prefsPath(), EXISTING_PREFS);
    await symlink(`127.0.0.1:+${process.pid}`, join(profile, 'lock'));
    expect(await addToThunderbird(ALICE, { profilePath: profile, platform: 'linux' })).toEqual({
      ok: false,
      code: 'thunderbird-running',
    });
    expect(await readFile(prefsPath(), 'utf8')).toBe(EXISTING_PREFS);
    expect((await readdir(profile)).sort()).toEqual(['lock', 'prefs.js']);
  });

  it('refuses a user.js that sets the account list (it would undo the addition)', async () => {
    await writeFile(prefsPath(), EXISTING_PREFS);
    await writeFile(
      join(profile, 'user.js'),
      'user_pref("mail.accountmanager.accounts", "account1,account2");\n',
    );
    expect(
      await addToThunderbird(ALICE, { profilePath: profile, platform: 'linux' }),
    ).toMatchObject({
      ok: false,
      code: 'thunderbird-userjs-conflict',
    });
    expect(await readFile(prefsPath(), 'utf8')).toBe(EXISTING_PREFS);
  });

  it('does not use keys a harmless user.js uses', async () => {
    await writeFile(prefsPath(), EXISTING_PREFS);
    await writeFile(join(profile, 'user.js'), 'user_pref("mail.identity.id2.htmlSigText", "x");\n');
    await addToThunderbird(ALICE, { profilePath: profile, platform: 'linux' });
    const prefs = prefValues(
      (parsePrefs(await readFile(prefsPath(), 'utf8')) as { ok: true; statements: never[] })
        .statements,
    );
    expect(prefs.get('mail.account.account3.identities')).toBe('id3');
  });

  it('refuses a prefs.js it cannot read exactly, leaving it untouched', async () => {
    const broken = `${EXISTING_PREFS}user_pref("half`;
    await writeFile(prefsPath(), broken);
    expect(await addToThunderbird(ALICE, { profilePath: profile, platform: 'linux' })).toEqual({
      ok: false,
      code: 'thunderbird-prefs-unreadable',
    });
    expect(await readFile(prefsPath(), 'utf8')).toBe(broken);
    await writeFile(prefsPath(), Buffer.from([0x75, 0xff, 0xfe]));
    expect((await addToThunderbird(ALICE, { profilePath: profile, platform: 'linux' })).ok).toBe(
      false,
    );
  });

  it('writes a new prefs.js into a profile that has none yet', async () => {
    const result = await addToThunderbird(ALICE, { profilePath: profile, platform: 'linux' });
    expect(result).toMatchObject({ ok: true, value: { status: 'added', accountKey: 'account1' } });
    expect(result.ok && result.value.backupPath).toBeFalsy();
    const text = await readFile(prefsPath(), 'utf8');
    expect(text.startsWith('// Mozilla User Preferences')).toBe(true);
    expect(text).toContain('user_pref("mail.server.server1.userName", "alice");');
  });

  it('a profile folder that does not exist is unknown; no profiles at all is no-profile', async () => {
    expect(await addToThunderbird(ALICE, { profilePath: join(profile, 'nope') })).toEqual({
      ok: false,
      code: 'thunderbird-profile-unknown',
    });
    expect(
      await addToThunderbird(ALICE, { search: { platform: 'linux', env: {}, home: profile } }),
    ).toEqual({
      ok: false,
      code: 'thunderbird-no-profile',
    });
  });

  it('lists profiles with their accounts and whether Thunderbird has them open', async () => {
    const root = join(profile, '.thunderbird');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(root, 'a.default'), { recursive: true });
    await writeFile(join(root, 'a.default', 'prefs.js'), EXISTING_PREFS);
    await writeFile(
      join(root, 'profiles.ini'),
      '[Profile0]\nName=default\nIsRelative=1\nPath=a.default\nDefault=1\n',
    );
    expect(await listThunderbirdProfiles({ platform: 'linux', env: {}, home: profile })).toEqual([
      {
        path: join(root, 'a.default'),
        name: 'default',
        isDefault: true,
        running: false,
        accounts: ['bob@example.org'],
      },
    ]);
  });
});
