/**
 * "Add to Thunderbird" proven against Debian's real Thunderbird, headless, and the lab:
 *
 * 1. A profile that already holds an account, written by Thunderbird itself (it loads a user.js
 *    for Bob and saves prefs.js; the user.js is then removed, as a person would).
 * 2. The settings come from a real `mailsetup check alice@good.test --password-stdin --json`:
 *    the user name and security the login test proved.
 * 3. `mailsetup add thunderbird` writes them; prefs.js differs from before only by the new
 *    account's prefs and the two lists.
 * 4. Thunderbird starts on the profile and lists Bob's account unchanged and Alice's with the
 *    right server, port, security, user name and SMTP server.
 * 5. Adding again changes nothing; while Thunderbird runs, the answer is thunderbird-running.
 * 6. The written prefs.js, parsed back, logs in at the lab through Python's imaplib/smtplib.
 */
import { Resolver } from 'node:dns/promises';
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { main } from '../../electron/cli/main.ts';
import { parsePrefs, prefValues } from '../../electron/engine/finish/prefs-file.ts';
import { thunderbirdUserJs } from '../../shared/export/thunderbird-userjs.ts';
import { SOCKET_TYPE } from '../../shared/export/thunderbird-prefs.ts';
import type { AccountSettings } from '../../shared/model.ts';
import { captureIo, labCliArgs } from '../helpers/cli-io.ts';
import { independentLogin, type LoginEndpoint } from '../helpers/mail-login.ts';
import {
  createProfile,
  disposeThunderbird,
  holdProfile,
  readAccounts,
  SEED_ACCOUNT,
  thunderbirdMissing,
  type LoadedAccount,
  type LoadedAccounts,
} from '../helpers/thunderbird.ts';
import { LAB_USERS } from '../lab/topology.ts';

const lab = inject('lab');
const { alice } = LAB_USERS;
const missing = thunderbirdMissing();

/** Bob's account, somewhere else entirely: the one the profile already has. */
const BOB = SEED_ACCOUNT;

function prefsOf(text: string): Map<string, string | number | boolean> {
  const parsed = parsePrefs(text);
  if (!parsed.ok) throw new Error(`prefs.js unreadable: ${parsed.error}`);
  return prefValues(parsed.statements);
}

async function add(settingsFile: string, profile: string) {
  const io = captureIo();
  const code = await main(
    ['add', 'thunderbird', '--settings', settingsFile, '--profile', profile, '--json'],
    io,
  );
  return { code, document: JSON.parse(io.out()) as Record<string, unknown> };
}

const mailAccounts = (loaded: LoadedAccounts): LoadedAccount[] =>
  loaded.accounts.filter((a) => a.incoming?.type !== 'none');

describe.skipIf(missing !== null)(
  `Add to Thunderbird, proven with a real Thunderbird${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let dir: string;
    let profile: string;
    let settingsFile: string;
    let proven: AccountSettings;
    let before: LoadedAccounts;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mailsetup-tb-add-'));
      // 1. Thunderbird itself writes the profile's prefs.js with Bob's account in it.
      profile = await createProfile({ userJs: thunderbirdUserJs(BOB).files[0]!.content });
      before = await readAccounts(profile);
      await unlink(join(profile, 'user.js'));
      // 2. The settings the login test proved.
      const io = captureIo({ stdin: `${alice.password}\n` });
      const code = await main(
        ['check', alice.address, '--password-stdin', '--json', ...labCliArgs(lab)],
        io,
      );
      expect(code, io.err()).toBe(0);
      settingsFile = join(dir, 'check.json');
      await writeFile(settingsFile, io.out());
      const check = JSON.parse(io.out()) as {
        recommended: {
          incoming: AccountSettings['incoming'];
          outgoing: AccountSettings['outgoing'];
        };
      };
      proven = {
        address: alice.address,
        incoming: check.recommended.incoming,
        outgoing: check.recommended.outgoing,
      };
    }, 120_000);

    afterAll(async () => {
      await disposeThunderbird();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('the existing profile holds Bob, written by Thunderbird itself', () => {
      const bob = mailAccounts(before);
      expect(bob).toHaveLength(1);
      expect(bob[0]!.incoming).toMatchObject({ hostName: 'imap.example.org', username: 'bob' });
      expect(proven.incoming.username).toBe(alice.username);
    });

    it('adds Alice, changing nothing in prefs.js but her prefs and the two lists', async () => {
      const textBefore = await readFile(join(profile, 'prefs.js'), 'utf8');
      const { code, document } = await add(settingsFile, profile);
      expect(code, JSON.stringify(document)).toBe(0);
      expect(document).toMatchObject({ ok: true, status: 'added' });
      const key = document.accountKey as string;
      expect(await readFile(document.backupPath as string, 'utf8')).toBe(textBefore);

      const textAfter = await readFile(join(profile, 'prefs.js'), 'utf8');
      const old = prefsOf(textBefore);
      const now = prefsOf(textAfter);
      const lists = ['mail.accountmanager.accounts', 'mail.smtpservers'];
      for (const [name, value] of old) {
        if (!lists.includes(name)) expect(now.get(name), name).toBe(value);
      }
      expect(now.get(lists[0]!)).toBe(`${old.get(lists[0]!)},${key}`);
      expect(String(now.get(lists[1]!)).startsWith(`${old.get(lists[1]!)},`)).toBe(true);
      const added = [...now.keys()].filter((name) => !old.has(name));
      expect(added.length).toBeGreaterThan(10);
      const server = now.get(`mail.account.${key}.server`) as string;
      const identity = now.get(`mail.account.${key}.identities`) as string;
      const smtp = now.get(`mail.identity.${identity}.smtpServer`) as string;
      for (const name of added) {
        expect(
          [
            `mail.account.${key}.`,
            `mail.server.${server}.`,
            `mail.identity.${identity}.`,
            `mail.smtpserver.${smtp}.`,
          ].some((prefix) => name.startsWith(prefix)),
          name,
        ).toBe(true);
      }
      // Textually too: every line of the old file is still there, except the two list lines.
      const lines = new Set(textAfter.split('\n'));
      for (const line of textBefore.split('\n')) {
        if (lists.some((list) => line.includes(`"${list}"`))) continue;
        expect(lines.has(line), line).toBe(true);
      }
    });

    it('Thunderbird lists Bob unchanged and Alice with the proven settings', async () => {
      const after = await readAccounts(profile);
      const accounts = mailAccounts(after);
      expect(accounts).toHaveLength(2);
      const [bob, newcomer] = accounts;
      expect(bob).toEqual(mailAccounts(before)[0]);
      expect(newcomer!.incoming).toMatchObject({
        type: proven.incoming.protocol,
        hostName: proven.incoming.host,
        port: proven.incoming.port,
        socketType: SOCKET_TYPE[proven.incoming.security],
        authMethod: 3,
        username: proven.incoming.username,
      });
      expect(newcomer!.identities).toHaveLength(1);
      expect(newcomer!.identities[0]!.email).toBe(alice.address);
      expect(newcomer!.identities[0]!.smtp).toMatchObject({
        hostname: proven.outgoing.host,
        port: proven.outgoing.port,
        socketType: SOCKET_TYPE[proven.outgoing.security],
        authMethod: 3,
        username: proven.outgoing.username,
      });
      expect(newcomer!.identities[0]!.smtp!.key).not.toBe(bob!.identities[0]!.smtp!.key);
    });

    it('adding again, after Thunderbird rewrote prefs.js, changes nothing', async () => {
      const text = await readFile(join(profile, 'prefs.js'), 'utf8');
      const { code, document } = await add(settingsFile, profile);
      expect(code).toBe(0);
      expect(document).toMatchObject({ ok: true, status: 'already-present' });
      expect(await readFile(join(profile, 'prefs.js'), 'utf8')).toBe(text);
    });

    it('while Thunderbird runs on the profile, the answer is thunderbird-running', async () => {
      const other = await createProfile({
        prefsJs: await readFile(join(profile, 'prefs.js'), 'utf8'),
      });
      const held = await holdProfile(other);
      try {
        const text = await readFile(join(other, 'prefs.js'), 'utf8');
        const fresh = join(dir, 'carol.json');
        await writeFile(
          fresh,
          JSON.stringify({
            ...proven,
            address: 'carol@good.test',
            incoming: { ...proven.incoming, username: 'carol' },
          }),
        );
        const { code, document } = await add(fresh, other);
        expect(code).toBe(1);
        expect(document).toMatchObject({ ok: false, code: 'thunderbird-running' });
        expect(await readFile(join(other, 'prefs.js'), 'utf8')).toBe(text);
      } finally {
        await held.stop();
      }
    });

    it('the settings in the written prefs.js log in at the lab through an independent client', async () => {
      const prefs = prefsOf(await readFile(join(profile, 'prefs.js'), 'utf8'));
      const key = String(prefs.get('mail.accountmanager.accounts')).split(',').at(-1)!;
      const server = `mail.server.${String(prefs.get(`mail.account.${key}.server`))}`;
      const identity = String(prefs.get(`mail.account.${key}.identities`));
      const smtp = `mail.smtpserver.${String(prefs.get(`mail.identity.${identity}.smtpServer`))}`;
      const endpoints: LoginEndpoint[] = [
        {
          protocol: prefs.get(`${server}.type`) as 'imap',
          host: String(prefs.get(`${server}.hostname`)),
          port: Number(prefs.get(`${server}.port`)),
          socketType: Number(prefs.get(`${server}.socketType`)),
          username: String(prefs.get(`${server}.userName`)),
        },
        {
          protocol: 'smtp',
          host: String(prefs.get(`${smtp}.hostname`)),
          port: Number(prefs.get(`${smtp}.port`)),
          socketType: Number(prefs.get(`${smtp}.try_ssl`)),
          username: String(prefs.get(`${smtp}.username`)),
        },
      ];
      // The lab's names resolve only through the lab's DNS server.
      const resolver = new Resolver();
      resolver.setServers([lab.dns]);
      const addresses: Record<string, string> = {};
      for (const { host } of endpoints) addresses[host] = (await resolver.resolve4(host))[0]!;
      const results = await independentLogin({
        ca: lab.caFile,
        addresses,
        password: alice.password,
        endpoints,
      });
      expect(results).toEqual([
        { protocol: endpoints[0]!.protocol, ok: true },
        { protocol: 'smtp', ok: true },
      ]);
      // And the client can fail: a wrong password is refused.
      const refused = await independentLogin({
        ca: lab.caFile,
        addresses,
        password: 'wrong',
        endpoints,
      });
      expect(refused.map((r) => r.ok)).toEqual([false, false]);
    });
  },
);
