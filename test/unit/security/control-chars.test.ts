/**
 * Security review, item 8: C1 controls and bidi overrides from server text and user names must
 * not reach the terminal or an exported file. A scripted SMTP server on 127.0.0.1 greets with a
 * terminal escape, a C1 CSI and a right-to-left override; `mailsetup probe` shows them as codes.
 * A login failure carrying them leaves them out of report.txt and report.json. A settings file
 * whose user name or display name holds them is refused in words, and no file is written.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import { exportToDir } from '../../../electron/cli/export-step.ts';
import { createTranslate } from '../../../electron/cli/translate.ts';
import { verifyEndpoint } from '../../../electron/engine/verify/index.ts';
import { parse as parsePlist } from 'plist';
import { hasUnsafeChars } from '../../../shared/control-chars.ts';
import { exportFormats, FORMATS } from '../../../shared/export/index.ts';
import { accountSettingsSchema, endpointSchema } from '../../../shared/ipc.ts';
import { JANE } from '../export/fixtures.ts';
import type { VerificationInput } from '../../../shared/export/index.ts';
import type { Endpoint } from '../../../shared/model.ts';
import { captureIo } from '../../helpers/cli-io.ts';
import { fakeServer, type FakeServer } from '../verify/fake-server.ts';

/** ESC (a terminal title), C1 CSI (U+009B), NEL (U+0085), RLO (U+202E), LRI (U+2066). */
const HOSTILE = '\u001b]0;pwned\u0007 \u009b2J \u0085 \u202etxt.exe \u2066x';
// eslint-disable-next-line no-control-regex -- the characters under test
const RAW = /[\u0007\u001b\u0085\u009b\u202e\u2066]/;

const servers: FakeServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'control-chars-'));
  dirs.push(dir);
  return dir;
}

async function hostileSmtp(): Promise<FakeServer> {
  const server = await fakeServer(`220 mail.test ${HOSTILE}`, (line) => {
    const word = (line.split(' ')[0] ?? '').toUpperCase();
    if (word === 'EHLO') return [`250-mail.test ${HOSTILE}`, '250 AUTH PLAIN LOGIN'];
    if (word === 'QUIT') return { close: true, text: '221 bye' };
    if (word === 'AUTH' || /^[A-Za-z0-9+/=]+$/.test(line)) return `535 5.7.8 no ${HOSTILE}`;
    return '250 ok';
  });
  servers.push(server);
  return server;
}

describe('control characters and bidi overrides from servers and files', () => {
  it('mailsetup probe shows a hostile greeting with codes instead of the characters', async () => {
    const server = await hostileSmtp();
    for (const json of [false, true]) {
      const io = captureIo({ env: { NO_COLOR: '1' } });
      const args = ['probe', '127.0.0.1', '--port', String(server.port), '--timeout', '2000'];
      await main(json ? [...args, '--json'] : args, io);
      const out = io.out() + io.err();
      expect(server.connections).toBeGreaterThan(0);
      expect(out).not.toMatch(RAW);
      if (json) {
        // Still one valid JSON document, whose greeting decodes to what the server said.
        const parsed = JSON.parse(io.out()) as unknown;
        expect(JSON.stringify(parsed)).toContain('pwned');
        expect(io.out()).toMatch(/\\u202e|\\u009b/);
      }
    }
  });

  it('a login failure carrying them leaves report.txt and report.json clean', async () => {
    const server = await hostileSmtp();
    const endpoint: Endpoint = {
      protocol: 'smtp',
      host: '127.0.0.1',
      port: server.port,
      security: 'plain',
      username: 'anna@example.test',
    };
    const outgoing = await verifyEndpoint(endpoint, {
      password: 'Control-Pa55',
      allowInsecure: ['127.0.0.1'],
      timeoutMs: 3000,
    });
    expect(outgoing.ok).toBe(false);
    const dir = tempDir();
    const written = await exportToDir(
      {
        settings: {
          address: 'anna@example.test',
          incoming: { ...endpoint, protocol: 'imap', port: 993, security: 'tls' },
          outgoing: endpoint,
        },
        dir,
        formats: ['report'],
        verification: { outgoing } as VerificationInput,
      },
      createTranslate('en'),
      'en',
    );
    expect(written.ok).toBe(true);
    const text = readFileSync(join(dir, 'report.txt'), 'utf8');
    const json = readFileSync(join(dir, 'report.json'), 'utf8');
    expect(text + json).toContain('pwned');
    expect(hasUnsafeChars(text.replace(/\r?\n/g, ''))).toBe(false);
    expect(json).not.toMatch(RAW);
    expect(JSON.stringify(JSON.parse(json))).not.toMatch(/\\u001b|\\u0007/);
    expect(JSON.stringify(JSON.parse(json))).not.toMatch(RAW);
  });

  it.each([
    ['username', { username: 'anna\u202e@example.test' }],
    ['username (C1)', { username: 'anna\u009b@example.test' }],
    ['displayName', { displayName: 'Anna \u202eresU' }],
    ['displayName (NEL)', { displayName: 'Anna\u0085Admin' }],
  ])('mailsetup export refuses a %s with them, in words, writing nothing', async (_, change) => {
    const dir = tempDir();
    const endpoint = (protocol: 'imap' | 'smtp', port: number) => ({
      protocol,
      host: 'mail.example.test',
      port,
      security: 'tls',
      username: 'anna@example.test',
      ...('username' in change ? change : {}),
    });
    const settings = {
      address: 'anna@example.test',
      incoming: endpoint('imap', 993),
      outgoing: endpoint('smtp', 465),
      ...('displayName' in change ? change : {}),
    };
    const file = join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify(settings));
    const out = join(dir, 'out');
    const io = captureIo({ env: { NO_COLOR: '1' } });
    const code = await main(['export', '--settings', file, '--out', out], io);
    expect(code).toBe(2);
    expect(io.err()).toMatch(/invalid|not valid|cannot/i);
    expect(io.out() + io.err()).not.toMatch(RAW);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('the app path (exporters without the CLI check) writes no raw one in any file, and readers get the name back', () => {
    const name = 'Anna \u202eresU \u0085 \u2066x';
    const { files } = exportFormats({ ...JANE, displayName: name }, FORMATS, {
      t: (key) => key,
      language: 'en',
      randomUUID: () => '00000000-0000-4000-8000-000000000000',
    });
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) expect(file.content, file.filename).not.toMatch(RAW);
    const content = (end: string): string => files.find((f) => f.filename.endsWith(end))!.content;
    const plist = parsePlist(content('.mobileconfig')) as {
      PayloadContent: Array<{ EmailAccountName?: string }>;
    };
    expect(plist.PayloadContent[0]?.EmailAccountName).toBe(name);
    const report = JSON.parse(content('report.json')) as { displayName: string };
    expect(report.displayName).toBe(name);
    expect(content('user.js')).toContain('\\u202e');
    // The text report drops them (one space each run), as it does with server text.
    expect(content('report.txt')).toMatch(/Anna +resU +x/);
  });

  it('main refuses settings holding them from the renderer (finish, verify), whatever it sends', () => {
    const settings = { ...JANE, displayName: 'Anna \u202eresU' };
    expect(accountSettingsSchema.safeParse(JANE).success).toBe(true);
    expect(accountSettingsSchema.safeParse(settings).success).toBe(false);
    const endpoint = { ...JANE.incoming, username: 'anna\u009b@example.test' };
    expect(endpointSchema.safeParse(JANE.incoming).success).toBe(true);
    expect(endpointSchema.safeParse(endpoint).success).toBe(false);
  });
});
