/**
 * Security review, item 6: a server that echoes the password upper-cased, truncated, URL-encoded
 * or as hex must not get it into the terminal, `--json`, `report.txt` or `report.json`. Scripted
 * IMAP and SMTP servers on 127.0.0.1 answer every login with all these forms at once; the login
 * step runs as `check --password-stdin --json` does, then the ticket report is written.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportToDir } from '../../../electron/cli/export-step.ts';
import { safeIo } from '../../../electron/cli/io.ts';
import { createTranslate } from '../../../electron/cli/translate.ts';
import { verifyCheckStep } from '../../../electron/cli/verify-step.ts';
import { scrubServerText } from '../../../electron/engine/verify/attempt.ts';
import type { VerificationInput } from '../../../shared/export/index.ts';
import {
  CHECK_ADDRESS,
  checkContext,
  loopbackCandidate,
  recommending,
} from '../../helpers/check-context.ts';
import { captureIo } from '../../helpers/cli-io.ts';
import { fakeServer, type FakeServer } from '../verify/fake-server.ts';

const PASSWORD = 'Sommer+Regen 42/xy';
/** What a careless or hostile server may say back: every form the review found. */
const ECHOES = {
  upper: PASSWORD.toUpperCase(),
  lower: PASSWORD.toLowerCase(),
  truncated: PASSWORD.slice(0, 12),
  tail: PASSWORD.slice(-10),
  url: encodeURIComponent(PASSWORD),
  form: encodeURIComponent(PASSWORD).replace(/%20/g, '+'),
  hex: Buffer.from(PASSWORD).toString('hex'),
  hexUpper: Buffer.from(PASSWORD).toString('hex').toUpperCase(),
};
const ECHO_LINE = Object.entries(ECHOES)
  .map(([name, form]) => `${name}=${form}`)
  .join(' ');

/** Every form, plus the password's longer pieces (a looser check than the scrubber's own). */
function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  const found = Object.values(ECHOES).filter((form) => lower.includes(form.toLowerCase()));
  for (let i = 0; i + 8 <= PASSWORD.length; i++) {
    const piece = PASSWORD.slice(i, i + 8).toLowerCase();
    if (lower.includes(piece)) found.push(piece);
  }
  return found;
}

const servers: FakeServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function echoingImap(): Promise<FakeServer> {
  const server = await fakeServer('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready', (line) => {
    const [tag, verb = ''] = line.split(' ');
    const word = verb.toUpperCase();
    if (word === 'CAPABILITY') return ['* CAPABILITY IMAP4rev1 AUTH=PLAIN', `${tag} OK`];
    if (word === 'LOGOUT') return ['* BYE', `${tag} OK`];
    if (word === 'AUTHENTICATE' && line.split(' ').length < 4) return '+ ';
    if (tag && /^[A-Za-z0-9+/=]+$/.test(tag) && !verb) return `A1 NO ${ECHO_LINE}`;
    return `${tag} NO [AUTHENTICATIONFAILED] ${ECHO_LINE}`;
  });
  servers.push(server);
  return server;
}

async function echoingSmtp(): Promise<FakeServer> {
  const server = await fakeServer('220 echo.test ESMTP', (line) => {
    const word = (line.split(' ')[0] ?? '').toUpperCase();
    if (word === 'EHLO') return ['250-echo.test', '250 AUTH PLAIN LOGIN'];
    if (word === 'QUIT') return { close: true, text: '221 bye' };
    if (word === 'AUTH' || /^[A-Za-z0-9+/=]+$/.test(line)) return `535 5.7.8 ${ECHO_LINE}`;
    return '250 ok';
  });
  servers.push(server);
  return server;
}

describe('a server echoing the password in other forms', () => {
  it('scrubServerText masks each cheap form on its own', () => {
    for (const [name, form] of Object.entries(ECHOES)) {
      const clean = scrubServerText(`NO you sent ${form} (${name})`, PASSWORD) ?? '';
      expect(leaks(clean), `${name}: ${clean}`).toEqual([]);
      expect(clean).toContain(`(${name})`);
    }
  });

  it('cuts server text to what a diagnosis needs', () => {
    const clean = scrubServerText(`NO [AUTHENTICATIONFAILED] ${'x'.repeat(5000)}`, PASSWORD) ?? '';
    expect(clean.startsWith('NO [AUTHENTICATIONFAILED]')).toBe(true);
    expect(clean.length).toBeLessThanOrEqual(201);
  });

  it('reaches neither the terminal, --json, report.txt nor report.json', async () => {
    const imap = await echoingImap();
    const smtp = await echoingSmtp();
    const captured = captureIo({ stdin: `${PASSWORD}\n`, env: { NO_COLOR: '1' } });
    const io = safeIo(captured);
    const incoming = loopbackCandidate('imap', imap.port, { security: 'plain' });
    const outgoing = loopbackCandidate('smtp', smtp.port, { security: 'plain' });
    const context = checkContext(io, recommending(incoming, outgoing), {
      'password-stdin': true,
      'allow-plaintext': ['127.0.0.1'],
      timeout: '3000',
    });
    await verifyCheckStep(context);
    io.stdout.write(context.text.join(''));

    // The servers really were asked and really echoed (the test can fail).
    expect(imap.connections + smtp.connections).toBeGreaterThan(0);
    const json = JSON.stringify(context.json);
    expect(json).toContain('incoming');
    expect(json).toMatch(/upper=|NO|535/);

    const dir = mkdtempSync(join(tmpdir(), 'echo-forms-'));
    dirs.push(dir);
    const written = await exportToDir(
      {
        settings: { address: CHECK_ADDRESS, incoming, outgoing },
        dir,
        formats: ['report'],
        verification: context.json.verification as VerificationInput,
      },
      createTranslate('en'),
      'en',
    );
    expect(written.ok).toBe(true);
    const reportText = readFileSync(join(dir, 'report.txt'), 'utf8');
    const reportJson = readFileSync(join(dir, 'report.json'), 'utf8');
    expect(reportText + reportJson).toMatch(/upper=|lower=|hex=/);

    expect(leaks(captured.out() + captured.err())).toEqual([]);
    expect(leaks(json)).toEqual([]);
    expect(leaks(reportText)).toEqual([]);
    expect(leaks(reportJson)).toEqual([]);
  });
});
