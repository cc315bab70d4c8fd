/**
 * The headless-Thunderbird helper itself, against Debian's Thunderbird: a user.js made by our
 * exporter is loaded by Thunderbird's account manager with the values we wrote, and a held
 * profile is locked the way Thunderbird locks it.
 */
import { existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { thunderbirdUserJs } from '../../shared/export/thunderbird-userjs.ts';
import {
  createProfile,
  disposeThunderbird,
  holdProfile,
  readAccounts,
  SEED_ACCOUNT as SETTINGS,
  thunderbirdMissing,
} from '../helpers/thunderbird.ts';

const missing = thunderbirdMissing();

describe.skipIf(missing !== null)(
  `headless Thunderbird helper${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    afterAll(disposeThunderbird);

    it('reads back the account a user.js from our exporter creates', async () => {
      const userJs = thunderbirdUserJs(SETTINGS).files[0]!.content;
      const profile = await createProfile({ userJs });
      const loaded = await readAccounts(profile);
      expect(loaded.thunderbird).toMatch(/^\d+\./);
      const mail = loaded.accounts.find((a) => a.incoming?.type === 'imap');
      expect(mail?.incoming).toMatchObject({
        hostName: 'imap.example.org',
        port: 143,
        socketType: 2,
        authMethod: 3,
        username: 'bob',
      });
      expect(mail?.identities).toHaveLength(1);
      expect(mail?.identities[0]).toMatchObject({
        email: 'bob@example.org',
        fullName: 'Bob Example',
      });
      expect(mail?.identities[0]?.smtp).toMatchObject({
        hostname: 'smtp.example.org',
        port: 465,
        socketType: 3,
        authMethod: 3,
        username: 'bob@example.org',
      });
      // Thunderbird wrote the account into prefs.js on its way out.
      expect(existsSync(join(profile, 'prefs.js'))).toBe(true);
    });

    it('holds the profile lock while running and lets go when stopped', async () => {
      const profile = await createProfile();
      const held = await holdProfile(profile);
      try {
        expect(held.accounts.accounts).toEqual([]);
        expect(lstatSync(join(profile, 'lock')).isSymbolicLink()).toBe(true);
      } finally {
        await held.stop();
      }
      expect(() => process.kill(held.pid, 0)).toThrow();
    });
  },
);
