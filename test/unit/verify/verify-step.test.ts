import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../electron/engine/secrets/memory-store.ts';
import { UsageError } from '../../../electron/cli/io.ts';
import { createTranslate } from '../../../electron/cli/translate.ts';
import { readPassword } from '../../../electron/cli/password-input.ts';
import {
  guidanceJson,
  runVerifyStep,
  validateVerifyArgs,
} from '../../../electron/cli/verify-step.ts';
import { verifyText } from '../../../electron/cli/verify-view.ts';
import type { ParsedAddress } from '../../../shared/address.ts';
import { captureIo } from '../../helpers/cli-io.ts';
import { fakeServer, type FakeServer } from './fake-server.ts';

const t = createTranslate('en');
const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const io = (stdinText: string) => captureIo({ stdin: stdinText });

const address: ParsedAddress = {
  address: 'u@example.test',
  localPart: 'u',
  domain: 'example.test',
  domainUnicode: 'example.test',
  display: 'u@example.test',
};

describe('CLI verify step', () => {
  it('reads one line from a piped stdin and prints nothing', async () => {
    const streams = io('pw with spaces\nsecond line\n');
    expect(await readPassword(streams, 'u@example.test', t)).toBe('pw with spaces');
    expect(streams.err()).toBe('');
  });

  it('prompts on a terminal without echoing what is typed', async () => {
    const streams = io('typed-secret\n');
    (streams.stdin as PassThrough & { isTTY?: boolean }).isTTY = true;
    expect(await readPassword(streams, 'u@example.test', t)).toBe('typed-secret');
    expect(streams.err()).toContain('Password for u@example.test');
    expect(streams.err()).not.toContain('typed-secret');
  });

  it('rejects a bad --from as a usage error', () => {
    expect(() => validateVerifyArgs({ from: 'not an address' }, t)).toThrow(UsageError);
    expect(validateVerifyArgs({ from: 'Me@Example.TEST' }, t)).toBe('Me@example.test');
  });

  it('puts the app-password steps first for mailbox.org, translated, with the official link', () => {
    const guidance = guidanceJson('mailbox-org', 'app-password-required', t);
    expect(guidance[0]).toMatchObject({ code: 'app-password', provider: 'mailbox-org' });
    expect(guidance[0]?.title).not.toMatch(/^providers:|mailbox-org\.app-password/);
    expect(guidance[0]?.steps.length).toBeGreaterThan(0);
    expect(guidance[0]?.url).toMatch(/^https:\/\//);
    const german = guidanceJson('mailbox-org', 'app-password-required', createTranslate('de'));
    expect(german[0]?.title).not.toBe(guidance[0]?.title);
    expect(guidanceJson(undefined, undefined, t)).toEqual([]);
  });

  it('verifies with consent, saves only when asked and never prints the password', async () => {
    const password = 'Pw-for-the-step-1';
    const pop3 = await fakeServer('+OK ready', (line, state) => {
      if (line === 'CAPA') return ['+OK', 'USER', '.'];
      if (line.startsWith('USER ')) return '+OK';
      if (line.startsWith('PASS '))
        return line === `PASS ${password}` ? '+OK in' : '-ERR [AUTH] Authentication failed.';
      if (line === 'STAT') return '+OK 0 0';
      state.q = true;
      return { close: true, text: '+OK bye' };
    });
    servers.push(pop3);
    const store = new MemorySecretStore();
    const endpoint = {
      protocol: 'pop3' as const,
      host: '127.0.0.1',
      port: pop3.port,
      security: 'plain' as const,
      username: 'u',
    };
    const refused = await runVerifyStep(
      {
        address,
        incoming: endpoint,
        outgoing: endpoint,
        password,
        args: { 'save-password': true },
        store,
      },
      t,
    );
    expect(refused.ok).toBe(false);
    expect(refused.verification.incoming).toMatchObject({ reason: 'insecure-refused' });
    // No provider knowledge and not a login refusal: the reason's own hint says it all.
    expect(refused.guidance).toEqual([]);
    expect(store.size).toBe(0);

    const allowed = await runVerifyStep(
      {
        address,
        incoming: endpoint,
        outgoing: endpoint,
        password,
        args: { 'save-password': true },
        consents: [endpoint.host],
        store,
        timeoutMs: 3000,
      },
      t,
    );
    expect(allowed.ok).toBe(true);
    expect(allowed.keychain).toEqual({ ok: true });
    expect(store.size).toBe(1);
    const text = verifyText(allowed, undefined, t) + JSON.stringify(allowed);
    expect(text).toContain('Signed in successfully as u');
    expect(text).not.toContain(password);
  });
});
