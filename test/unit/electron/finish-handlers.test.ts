/**
 * The finish channels in main: a profile folder from the renderer is written only when Thunderbird
 * lists it; the password never reaches a profile; the Outlook and Apple channels answer with codes
 * where the system has no such program (this test runs on Linux).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../helpers/stub-electron.ts')).electronModule());

import { finishHandlers } from '../../../electron/handlers/finish.ts';
import { createI18n } from '../../../shared/i18n/index.ts';
import { requestSchemas } from '../../../shared/ipc.ts';
import { ALICE, EXISTING_PREFS } from '../finish/fixtures.ts';

const context = {} as never;
let home: string;
let profile: string;
let handlers: ReturnType<typeof finishHandlers>;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'finish-handlers-'));
  const root = join(home, '.thunderbird');
  profile = join(root, 'x.default');
  await mkdir(profile, { recursive: true });
  await writeFile(join(profile, 'prefs.js'), EXISTING_PREFS);
  await writeFile(
    join(root, 'profiles.ini'),
    '[Profile0]\nName=default\nIsRelative=1\nPath=x.default\n',
  );
  handlers = finishHandlers({
    t: () => createI18n('en').t,
    filesDir: () => join(home, 'files'),
    profileSearch: { platform: 'linux', env: {}, home },
  });
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('finish channels', () => {
  it('lists the profiles with their accounts', async () => {
    expect(await handlers['finish:thunderbird-profiles']({}, context)).toEqual({
      ok: true,
      value: {
        profiles: [
          {
            path: profile,
            name: 'default',
            isDefault: true,
            running: false,
            accounts: ['bob@example.org'],
          },
        ],
      },
    });
  });

  it('adds to the default profile; the password from the renderer is dropped by the schema', async () => {
    const request = requestSchemas['finish:thunderbird-add'].parse({
      settings: { ...ALICE, password: 'hunter2-secret' },
    });
    expect('password' in request.settings).toBe(false);
    const result = await handlers['finish:thunderbird-add'](request, context);
    expect(result).toMatchObject({ ok: true, value: { status: 'added', profilePath: profile } });
    expect(await readFile(join(profile, 'prefs.js'), 'utf8')).not.toContain('hunter2-secret');
  });

  it('refuses a folder Thunderbird does not list, writing nothing there', async () => {
    const elsewhere = join(home, 'elsewhere');
    await mkdir(elsewhere);
    const result = await handlers['finish:thunderbird-add'](
      { settings: ALICE, profilePath: elsewhere },
      context,
    );
    expect(result).toEqual({ ok: false, code: 'thunderbird-profile-unknown' });
    await expect(readFile(join(elsewhere, 'prefs.js'))).rejects.toThrow();
  });

  it('without any profile the answer is thunderbird-no-profile', async () => {
    const none = finishHandlers({
      t: () => createI18n('en').t,
      profileSearch: { platform: 'linux', env: {}, home: join(home, 'nobody') },
    });
    expect(await none['finish:thunderbird-add']({ settings: ALICE }, context)).toEqual({
      ok: false,
      code: 'thunderbird-no-profile',
    });
  });

  it.skipIf(process.platform === 'win32' || process.platform === 'darwin')(
    'Outlook and Apple Mail answer with their platform codes here',
    async () => {
      expect(await handlers['finish:outlook-import']({ settings: ALICE }, context)).toEqual({
        ok: false,
        code: 'outlook-unsupported-platform',
      });
      expect(
        await handlers['finish:outlook-import'](
          { settings: ALICE, providerId: 'outlook' },
          context,
        ),
      ).toEqual({ ok: false, code: 'outlook-add-by-address' });
      expect(await handlers['finish:apple-open']({ settings: ALICE }, context)).toEqual({
        ok: false,
        code: 'apple-unsupported-platform',
      });
    },
  );
});
