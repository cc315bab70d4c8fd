/**
 * OAuth2 in the Thunderbird export, proven by Debian's real Thunderbird 153 (headless): the user.js
 * that `mailsetup check --export` writes for a Gmail and an Outlook.com address is loaded by
 * Thunderbird's account manager with authMethod 10 (OAuth2) for the incoming and the SMTP server,
 * so Thunderbird opens the provider's sign-in page instead of asking for a password that would be
 * refused. A password server's user.js loads with authMethod 3, so the check can fail.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main.ts';
import { captureIo } from '../helpers/cli-io.ts';
import {
  createProfile,
  disposeThunderbird,
  readAccounts,
  thunderbirdMissing,
} from '../helpers/thunderbird.ts';

const missing = thunderbirdMissing();

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailsetup-tb-oauth2-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The user.js `mailsetup check --offline --export` writes for the address (built-in knowledge). */
async function exportedUserJs(address: string): Promise<string> {
  const out = join(dir, address);
  const io = captureIo();
  const code = await main(
    ['check', address, '--offline', '--export', out, '--format', 'thunderbird', '--json'],
    io,
  );
  expect(code, io.err()).toBe(0);
  return readFile(join(out, 'user.js'), 'utf8');
}

describe.skipIf(missing !== null)(
  `Thunderbird loads the OAuth2 exports${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    afterAll(disposeThunderbird);

    it.each([
      ['anna@gmail.com', 'imap.gmail.com', 'smtp.gmail.com', 10],
      ['anna@outlook.com', 'outlook.office365.com', 'smtp-mail.outlook.com', 10],
      ['anna@posteo.de', 'posteo.de', 'posteo.de', 3],
    ] as const)(
      '%s: incoming %s and SMTP %s with authMethod %i',
      async (address, incomingHost, smtpHost, authMethod) => {
        const profile = await createProfile({ userJs: await exportedUserJs(address) });
        const loaded = await readAccounts(profile);
        const account = loaded.accounts.find((a) => a.incoming?.hostName === incomingHost);
        expect(account?.incoming, JSON.stringify(loaded.accounts)).toMatchObject({
          authMethod,
          username: address,
        });
        expect(account?.identities[0]?.smtp).toMatchObject({ hostname: smtpHost, authMethod });
      },
    );
  },
);
