/**
 * Issue 13's outcomes against the lab, through `mailsetup check` as a helpdesk or a person runs it:
 *
 * - A customer domain whose only record is an MX at a built-in seed provider (Runbox, onOffice,
 *   mailbox.org, mailbox.org for PlentyONE) is recommended as trusted and logs in with
 *   `--password-stdin` alone. Runbox's `local%domain` user name is what the login proved, and it
 *   is what every exported file carries: each file is parsed back, and the Thunderbird file's
 *   settings log in through an independent client (Python's imaplib/smtplib).
 * - A domain whose MX points at an unknown hoster gets a recommendation and one consent question
 *   (naming the hoster); with that one consent the login goes through.
 * - A domain whose servers all take the connection and never answer ends in a named error.
 * - An OAuth2-only server is never recommended for a password.
 */
import { Resolver } from 'node:dns/promises';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parsePlist } from 'plist';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { main } from '../../electron/cli/main.ts';
import { parseAutoconfig } from '../../electron/engine/discover/autoconfig-parser.ts';
import { parseAutodiscover } from '../../electron/engine/discover/autodiscover-parser.ts';
import { parsePrefs, prefValues } from '../../electron/engine/finish/prefs-file.ts';
import { captureIo, labCliArgs } from '../helpers/cli-io.ts';
import { parsedAddress } from '../helpers/fixtures.ts';
import { independentLogin, type LoginEndpoint } from '../helpers/mail-login.ts';
import { LAB_CUSTOMERS, LAB_DOMAINS } from '../lab/topology.ts';

const lab = inject('lab');

interface Side {
  host: string;
  port: number;
  trusted: boolean;
  authMethod?: string;
}
interface CheckJson {
  provider?: string;
  recommended: { incoming: Side; outgoing: Side; username: string };
  verification: { incoming: Record<string, unknown>; outgoing: Record<string, unknown> };
  findings: Array<{ code: string; severity: string; params?: Record<string, unknown> }>;
}
interface Run {
  code: number;
  json: CheckJson;
  text: string;
  ms: number;
}

async function check(args: string[], password?: string, timeoutMs?: number): Promise<Run> {
  const io = captureIo({ stdin: password === undefined ? '' : `${password}\n` });
  const started = Date.now();
  const code = await main(['check', ...args, '--json', ...labCliArgs(lab, timeoutMs)], io);
  const ms = Date.now() - started;
  const text = io.out() + io.err();
  return { code, json: JSON.parse(io.out()) as CheckJson, text, ms };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailsetup-customers-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The user names each exported file gives its incoming and outgoing server, parsed back. */
async function usernamesInFiles(out: string, address: string): Promise<Record<string, string[]>> {
  const read = (name: string) => readFile(join(out, name), 'utf8');
  const names = await readdir(out);
  const found: Record<string, string[]> = {};

  const prefs = parsePrefs(await read('user.js'));
  if (!prefs.ok) throw new Error(`user.js unreadable: ${prefs.error}`);
  const values = prefValues(prefs.statements);
  found['user.js'] = [
    String(values.get('mail.server.server1.userName')),
    String(values.get('mail.smtpserver.smtp1.username')),
  ];

  // The [Account1] section (the mapping sections below it name the same keys).
  const prf: Record<string, string> = {};
  let section = '';
  for (const line of (await read('outlook.prf')).split(/\r\n/)) {
    const header = /^\[(.+)\]$/.exec(line);
    if (header) section = header[1]!;
    const entry = /^([A-Za-z0-9]+)=(.*)$/.exec(line);
    if (entry && section === 'Account1') prf[entry[1]!] = entry[2]!.replace(/^"(.*)"$/, '$1');
  }
  const prfIncoming = prf.IMAPUserName ?? prf.POP3UserName ?? '';
  // SMTPAuthMethod 0: "log on using the same settings as my incoming mail server".
  const prfOutgoing = prf.SMTPAuthMethod === '0' ? prfIncoming : (prf.SMTPUserName ?? '');
  found['outlook.prf'] = [prfIncoming, prfOutgoing];

  const mobileconfig = names.find((n) => n.endsWith('.mobileconfig'))!;
  const plist = parsePlist(await read(mobileconfig)) as {
    PayloadContent: Array<Record<string, string>>;
  };
  const mail = plist.PayloadContent[0]!;
  found[mobileconfig] = [mail.IncomingMailServerUsername!, mail.OutgoingMailServerUsername!];

  const parsed = parsedAddress(address);
  const provenance = { source: 'autoconfig', origin: 'file', trusted: true } as const;
  const autoconfig = parseAutoconfig(await read('config-v1.1.xml'), parsed, provenance);
  if (!autoconfig.ok) throw new Error(`config-v1.1.xml unreadable: ${autoconfig.error}`);
  found['config-v1.1.xml'] = [
    autoconfig.value.incoming[0]!.username,
    autoconfig.value.outgoing[0]!.username,
  ];

  const autodiscover = parseAutodiscover(await read('autodiscover.xml'), parsed, provenance);
  if (!autodiscover.ok || autodiscover.value.kind !== 'settings')
    throw new Error('autodiscover.xml unreadable');
  found['autodiscover.xml'] = [
    autodiscover.value.found.incoming[0]!.username,
    autodiscover.value.found.outgoing[0]!.username,
  ];
  return found;
}

/** The user.js servers, logged in to through Python's clients with the password given. */
async function loginWithUserJs(out: string, password: string, username?: string) {
  const prefs = parsePrefs(await readFile(join(out, 'user.js'), 'utf8'));
  if (!prefs.ok) throw new Error('user.js unreadable');
  const values = prefValues(prefs.statements);
  const get = (key: string) => values.get(key);
  const endpoints: LoginEndpoint[] = [
    {
      protocol: get('mail.server.server1.type') === 'pop3' ? 'pop3' : 'imap',
      host: String(get('mail.server.server1.hostname')),
      port: Number(get('mail.server.server1.port')),
      socketType: Number(get('mail.server.server1.socketType')),
      username: username ?? String(get('mail.server.server1.userName')),
    },
    {
      protocol: 'smtp',
      host: String(get('mail.smtpserver.smtp1.hostname')),
      port: Number(get('mail.smtpserver.smtp1.port')),
      socketType: Number(get('mail.smtpserver.smtp1.try_ssl')),
      username: username ?? String(get('mail.smtpserver.smtp1.username')),
    },
  ];
  const resolver = new Resolver();
  resolver.setServers([lab.dns]);
  const addresses: Record<string, string> = {};
  for (const { host } of endpoints) addresses[host] = (await resolver.resolve4(host))[0]!;
  return independentLogin({ ca: lab.caFile, addresses, password, endpoints });
}

const KNOWN = [
  ['Runbox', 'runbox', LAB_CUSTOMERS.runbox],
  ['onOffice', 'onoffice', LAB_CUSTOMERS.onoffice],
  ['mailbox.org', 'mailbox-org', LAB_CUSTOMERS.mailboxOrg],
  ['PlentyONE (mailbox.org)', 'mailbox-org', LAB_CUSTOMERS.plentyone],
] as const;

describe('customer domains at the seed providers (MX only)', () => {
  it.each(KNOWN)(
    '%s: trusted, logs in with --password-stdin alone, every file carries the proven user name',
    async (_name, provider, customer) => {
      const out = join(dir, provider + customer.address);
      const run = await check(
        [customer.address, '--password-stdin', '--export', out],
        customer.password,
      );
      expect(run.code, run.text).toBe(0);
      expect(run.json.provider).toBe(provider);
      expect(run.json.recommended.incoming.trusted).toBe(true);
      expect(run.json.recommended.outgoing.trusted).toBe(true);
      expect(run.json.verification.incoming).toMatchObject({
        ok: true,
        username: customer.username,
      });
      expect(run.json.verification.outgoing).toMatchObject({ ok: true });
      expect(run.json.recommended.username).toBe(customer.username);
      // Nobody was asked anything: no untrusted-source or hoster question.
      const warnings = run.json.findings.map((f) => f.code);
      expect(warnings).not.toContain('untrusted-source');
      expect(warnings).not.toContain('hoster-unconfirmed');

      const files = await usernamesInFiles(out, customer.address);
      for (const [file, usernames] of Object.entries(files)) {
        expect(usernames, file).toEqual([customer.username, customer.username]);
      }
      expect(await loginWithUserJs(out, customer.password)).toEqual([
        { protocol: 'imap', ok: true },
        { protocol: 'smtp', ok: true },
      ]);
      // The independent client can fail: at Runbox the full address is not the user name.
      if (customer.username !== customer.address) {
        const withAddress = await loginWithUserJs(out, customer.password, customer.address);
        expect(withAddress.map((r) => r.ok)).toEqual([false, false]);
      }
      expect(run.text).not.toContain(customer.password);
    },
  );
});

describe('a domain whose MX points at an unknown hoster', () => {
  const customer = LAB_CUSTOMERS.unknownHoster;

  it('is recommended with one consent question naming the hoster; that one consent lets the login through', async () => {
    const refused = await check([customer.address, '--password-stdin'], customer.password);
    expect(refused.json.recommended.incoming.host).toBe('imap.hoster.test');
    expect(refused.json.recommended.incoming.trusted).toBe(false);
    const questions = refused.json.findings.filter((f) => f.code === 'hoster-unconfirmed');
    expect(questions).toHaveLength(1);
    expect(questions[0]!.params).toMatchObject({
      domain: LAB_DOMAINS.unknownHoster,
      hoster: 'hoster.test',
    });
    expect(refused.json.verification.incoming).toMatchObject({
      ok: false,
      reason: 'untrusted-refused',
      attempts: 0,
    });

    const accepted = await check(
      [customer.address, '--password-stdin', '--accept-source', 'hoster.test'],
      customer.password,
    );
    expect(accepted.code, accepted.text).toBe(0);
    expect(accepted.json.verification.incoming).toMatchObject({ ok: true });
    expect(accepted.json.verification.outgoing).toMatchObject({ ok: true });
  });
});

describe('a domain whose servers all stall', () => {
  it('ends in a named error finding, not "No problems found"', async () => {
    const timeoutMs = 1500;
    const run = await check([`x@${LAB_DOMAINS.allStall}`], undefined, timeoutMs);
    // A hang guard only: the 1.2 x target is measured by the benchmark (npm run bench).
    expect(run.ms).toBeLessThan(timeoutMs * 3);
    const errors = run.json.findings.filter((f) => f.severity === 'error');
    expect(
      errors.map((f) => f.code),
      JSON.stringify(run.json.findings),
    ).toContain('no-greeting');
    expect(run.code).not.toBe(0);
  });
});

describe('an autoconfig document with an OAuth2-only server', () => {
  it('never recommends the OAuth2-only server for a password login', async () => {
    const run = await check([`alice@${LAB_DOMAINS.oauthDoc}`]);
    const { incoming, outgoing } = run.json.recommended;
    for (const side of [incoming, outgoing])
      expect(side.authMethod ?? 'password-cleartext').not.toBe('oauth2');
    expect(incoming.port).toBe(143);
    expect(outgoing.port).toBe(587);
  });
});
