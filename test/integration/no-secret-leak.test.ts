/**
 * No secret leaks, with evidence:
 * - on the wire: dumpcap records loopback while alice logs in on the good host's STARTTLS ports
 *   (IMAP 143, POP3 110, submission 587) and implicit-TLS ports; none of her password's forms
 *   appears. In the same capture dave logs in on the plaintext host with consent, and his password
 *   does appear - the capture would have seen hers.
 * - everywhere else: the CLI (a child process, so crash output counts too) checks accounts with
 *   the right password, a wrong one and against the plaintext host, and exports files; stdout,
 *   stderr and every file written are searched for every form of every password used. Only an
 *   export with the explicit --include-password holds it.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createResolver } from '../../electron/engine/net/resolver.ts';
import { verifyEndpoint } from '../../electron/engine/verify/index.ts';
import type { Endpoint, Protocol, Security } from '../../shared/model.ts';
import { formsIn, passwordForms, startCapture } from '../hostile/capture.ts';
import { needs } from '../helpers/needs.ts';
import { LAB_HOSTS, LAB_USERS } from '../lab/topology.ts';

const lab = inject('lab');
const { alice, dave } = LAB_USERS;
const WRONG = 'Wrong-Guess-77';
const ALICE_FORMS = passwordForms(alice.username, alice.password);
const DAVE_FORMS = passwordForms(dave.username, dave.password);
const WRONG_FORMS = passwordForms(alice.username, WRONG);
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CLI = fileURLToPath(new URL('../hostile/cli-child.ts', import.meta.url));

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'mailsetup-leak-'));
  await writeFile(path.join(dir, 'ca.pem'), lab.caPem);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function endpoint(
  user: { username: string },
  host: string,
  protocol: Protocol,
  port: number,
  security: Security,
): Endpoint {
  return { protocol, host, port, security, username: user.username };
}

describe('the password on the wire (dumpcap on lo)', () => {
  needs('dumpcap');
  it('never appears in cleartext on STARTTLS or TLS ports; the positive control shows it would', async (context) => {
    const filter = `host ${LAB_HOSTS.good.address} or host ${LAB_HOSTS.plain.address}`;
    const capture = await startCapture(dir, 'wire', filter);
    if (!capture) return context.skip();
    const base = {
      ca: [lab.caPem],
      resolver: createResolver({ server: lab.dns }),
      timeoutMs: 8000,
    };
    const good = LAB_HOSTS.good.name;
    const targets: Array<[Protocol, number, Security]> = [
      ['imap', 143, 'starttls'],
      ['pop3', 110, 'starttls'],
      ['smtp', 587, 'starttls'],
      ['imap', 993, 'tls'],
      ['pop3', 995, 'tls'],
      ['smtp', 465, 'tls'],
    ];
    const results = [];
    for (const [protocol, port, security] of targets) {
      const target = endpoint(alice, good, protocol, port, security);
      results.push(await verifyEndpoint(target, { ...base, password: alice.password }));
    }
    const control = await verifyEndpoint(
      endpoint(dave, LAB_HOSTS.plain.name, 'imap', 143, 'plain'),
      { ...base, password: dave.password, allowInsecure: [LAB_HOSTS.plain.name] },
    );
    const wire = await capture.stop();

    for (const result of results) expect(result).toMatchObject({ ok: true });
    expect(control).toMatchObject({ ok: true });
    // STARTTLS happened in the clear before the handshake: the capture holds those words.
    expect(wire.includes(Buffer.from('STARTTLS'))).toBe(true);
    expect(formsIn(wire, ALICE_FORMS)).toEqual([]);
    expect(formsIn(wire, DAVE_FORMS).length).toBeGreaterThan(0);
  });
});

interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI from source as a person would, with `stdin` piped in. */
function cli(args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: REPO,
      env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
    child.stdin.end(stdin);
  });
}

/** Every file below `folder`, with its content. */
async function filesIn(folder: string): Promise<Array<{ name: string; content: Buffer }>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return { name: path.relative(folder, file), content: await readFile(file) };
      }),
  );
}

describe('the password in output, reports and files', () => {
  const labArgs = () => ['--dns', lab.dns, '--ca', path.join(dir, 'ca.pem'), '--timeout', '8000'];
  const secrets = [...ALICE_FORMS, ...WRONG_FORMS, ...DAVE_FORMS];

  it('check with the right and a wrong password, and with consent to plaintext: nowhere in output or exports', async () => {
    const runs: Array<{ label: string; run: Run; folder: string }> = [];
    const cases: Array<[string, string, string, string[]]> = [
      ['right', alice.address, alice.password, []],
      ['wrong', alice.address, WRONG, []],
      ['plain', dave.address, dave.password, ['--allow-plaintext', LAB_HOSTS.plain.name]],
      ['right-text', alice.address, alice.password, ['--from', alice.address]],
    ];
    for (const [label, address, password, extra] of cases) {
      const folder = path.join(dir, `export-${label}`);
      const json = label.endsWith('-text') ? [] : ['--json'];
      const run = await cli(
        ['check', address, '--password-stdin', ...extra, ...labArgs(), ...json, '--export', folder],
        `${password}\n`,
      );
      runs.push({ label, run, folder });
    }
    const [right, wrong, plain] = runs;
    // The runs did what they should (so the search below is about real output).
    expect(right!.run.code, right!.run.err).toBe(0);
    expect(wrong!.run.code).toBe(1);
    expect(wrong!.run.out).toContain('wrong-credentials');
    expect(plain!.run.out.length).toBeGreaterThan(0);

    for (const { label, run, folder } of runs) {
      expect(formsIn(run.out, secrets), `${label}: stdout`).toEqual([]);
      expect(formsIn(run.err, secrets), `${label}: stderr`).toEqual([]);
      const files = await filesIn(folder).catch(() => []);
      if (label === 'right') expect(files.length).toBeGreaterThan(3);
      for (const file of files) {
        expect(formsIn(file.content, secrets), `${label}: ${file.name}`).toEqual([]);
      }
    }
  });

  it('export puts the password into a file only when explicitly asked', async () => {
    const settings = path.join(dir, 'settings.json');
    await writeFile(
      settings,
      JSON.stringify({
        address: alice.address,
        incoming: endpoint(alice, LAB_HOSTS.good.name, 'imap', 993, 'tls'),
        outgoing: endpoint(alice, LAB_HOSTS.good.name, 'smtp', 465, 'tls'),
        password: alice.password,
      }),
    );
    const without = path.join(dir, 'plain-export');
    const run = await cli(['export', '--settings', settings, '--out', without]);
    expect(run.code, run.err).toBe(0);
    for (const file of await filesIn(without)) {
      expect(formsIn(file.content, ALICE_FORMS), file.name).toEqual([]);
    }
    expect(formsIn(run.out + run.err, ALICE_FORMS)).toEqual([]);

    const asked = path.join(dir, 'asked-export');
    const withPassword = await cli(
      [
        'export',
        '--settings',
        settings,
        '--out',
        asked,
        '--format',
        'apple',
        '--include-password',
        '--password-stdin',
      ],
      `${alice.password}\n`,
    );
    expect(withPassword.code, withPassword.err).toBe(0);
    const profile = (await filesIn(asked)).find((file) => file.name.endsWith('.mobileconfig'));
    expect(profile && formsIn(profile.content, [alice.password])).toEqual([alice.password]);
    expect(formsIn(withPassword.out + withPassword.err, ALICE_FORMS)).toEqual([]);
  });

  it('a crash-like failure (unreachable DNS, bad CA file) prints no password either', async () => {
    const broken = await cli(
      [
        'check',
        alice.address,
        '--password-stdin',
        '--dns',
        '127.0.0.1:9',
        '--ca',
        path.join(dir, 'missing.pem'),
        '--timeout',
        '1000',
      ],
      `${alice.password}\n`,
    );
    expect(broken.code).not.toBe(0);
    expect(formsIn(broken.out + broken.err, ALICE_FORMS)).toEqual([]);
  });
});
