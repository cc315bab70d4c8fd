/**
 * Login checks against scripted fake servers on loopback: the classification of real-looking
 * refusals, the attempt limits, the policy (nothing sent without consent) and hostile servers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Resolver } from '../../../electron/engine/net/resolver.ts';
import { verifyEndpoint } from '../../../electron/engine/verify/index.ts';
import type { Endpoint, Protocol } from '../../../shared/model.ts';
import { fakeServer, type FakeServer, type Reply } from './fake-server.ts';

const PASSWORD = 'S3cret-pa55';
const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(
  greeting: string | null,
  reply: (line: string, state: Record<string, unknown>) => Reply,
) {
  const server = await fakeServer(greeting, reply);
  servers.push(server);
  return server;
}

const plain = (protocol: Protocol, port: number, username = 'user@example.test'): Endpoint => ({
  protocol,
  host: '127.0.0.1',
  port,
  security: 'plain',
  username,
});
const consent = { password: PASSWORD, allowInsecure: ['127.0.0.1'], timeoutMs: 3000 };

/** A POP3 server: USER/PASS, the PASS answer decided per username. */
function pop3(answer: (user: string) => string) {
  return serve('+OK ready', (line, state) => {
    if (line === 'CAPA') return ['+OK', 'USER', '.'];
    if (line.startsWith('USER ')) {
      state.user = line.slice(5);
      return '+OK';
    }
    if (line.startsWith('PASS ')) return answer(String(state.user));
    if (line === 'STAT') return '+OK 0 0';
    if (line === 'QUIT') return { close: true, text: '+OK bye' };
    return '-ERR unknown command';
  });
}

describe('POP3 login (fake server)', () => {
  it('logs in with USER/PASS and says which username worked', async () => {
    const server = await pop3((user) =>
      user === 'bob' ? '+OK logged in' : '-ERR [AUTH] Authentication failed.',
    );
    const result = await verifyEndpoint(plain('pop3', server.port), {
      ...consent,
      usernames: ['bob@example.test', 'bob'],
    });
    expect(result).toMatchObject({ ok: true, username: 'bob' });
    expect(server.lines).toContain('QUIT');
  });

  it('classifies a refusal and keeps the server words, without the password', async () => {
    const server = await pop3(() => `-ERR [AUTH] Authentication failed for ${PASSWORD}`);
    const result = await verifyEndpoint(plain('pop3', server.port), consent);
    expect(result).toMatchObject({ ok: false, reason: 'wrong-credentials', attempts: 1 });
    expect(result.ok ? '' : result.serverText).toContain('Authentication failed');
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });

  it('uses SASL PLAIN when offered', async () => {
    const server = await serve('+OK ready', (line) => {
      if (line === 'CAPA') return ['+OK', 'SASL PLAIN', '.'];
      if (line.startsWith('AUTH PLAIN ')) {
        const decoded = Buffer.from(line.slice(11), 'base64').toString();
        return decoded === `\u0000u\u0000${PASSWORD}` ? '+OK welcome' : '-ERR [AUTH] no';
      }
      if (line === 'STAT') return '+OK 2 320';
      return line === 'QUIT' ? { close: true } : '-ERR ?';
    });
    expect(await verifyEndpoint(plain('pop3', server.port, 'u'), consent)).toMatchObject({
      ok: true,
    });
    expect(server.lines.some((line) => line.startsWith('USER'))).toBe(false);
  });

  it('stops after three attempts and never retries after a lock', async () => {
    const wrong = await pop3(() => '-ERR [AUTH] Authentication failed.');
    const result = await verifyEndpoint(plain('pop3', wrong.port), {
      ...consent,
      usernames: ['a', 'b', 'c', 'd', 'e'],
    });
    expect(result).toMatchObject({ ok: false, attempts: 3 });
    expect(wrong.lines.filter((line) => line.startsWith('PASS'))).toHaveLength(3);

    const locked = await pop3(() => '-ERR [IN-USE] Too many connections');
    const again = await verifyEndpoint(plain('pop3', locked.port), {
      ...consent,
      usernames: ['a', 'b', 'c'],
    });
    expect(again).toMatchObject({ ok: false, reason: 'too-many-connections', attempts: 1 });
  });

  it('blames a server that took the connection and said nothing (server-silent), within twice the timeout', async () => {
    const silent = await serve(null, () => null);
    const started = Date.now();
    const result = await verifyEndpoint(plain('pop3', silent.port), { ...consent, timeoutMs: 300 });
    // Not `timeout` (whose words point at the person's network): the server accepted and hung.
    expect(result).toMatchObject({ ok: false, reason: 'server-silent' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('survives a hostile greeting (an endless line)', async () => {
    const hostile = await serve(`+OK ${'x'.repeat(200_000)}`, () => null);
    const result = await verifyEndpoint(plain('pop3', hostile.port), consent);
    expect(result.ok).toBe(false);
  });
});

describe('the security policy at work', () => {
  it('does not even connect to a plaintext server without consent', async () => {
    const server = await pop3(() => '+OK');
    for (const protocol of ['imap', 'pop3', 'smtp'] as const) {
      const result = await verifyEndpoint(plain(protocol, server.port), { password: PASSWORD });
      expect(result).toMatchObject({ ok: false, reason: 'insecure-refused', attempts: 0 });
    }
    expect(server.connections).toBe(0);
  });

  it('does not send the password when STARTTLS is required but not offered', async () => {
    const server = await serve('+OK ready', (line) =>
      line === 'CAPA' ? ['+OK', 'USER', '.'] : '+OK',
    );
    const result = await verifyEndpoint(
      { ...plain('pop3', server.port), security: 'starttls' },
      { password: PASSWORD, timeoutMs: 3000 },
    );
    expect(result).toMatchObject({ ok: false, reason: 'tls-error' });
    expect(server.received()).not.toContain(PASSWORD);
  });
});

describe('IMAP login (fake server)', () => {
  function imap(answer: (user: string) => string) {
    return serve('* OK [CAPABILITY IMAP4rev1] ready', (line) => {
      const [tag, command, ...rest] = line.split(' ');
      switch (command?.toUpperCase()) {
        case 'CAPABILITY':
          return ['* CAPABILITY IMAP4rev1', `${tag} OK done`];
        case 'LOGIN':
          return `${tag} ${answer(JSON.parse(rest[0] ?? '""'))}`;
        case 'NAMESPACE':
          return ['* NAMESPACE (("" "/")) NIL NIL', `${tag} OK done`];
        case 'LOGOUT':
          return { close: true, text: `* BYE\r\n${tag} OK bye` };
        case 'ID':
          return ['* ID NIL', `${tag} OK`];
        case 'LIST':
          return ['* LIST (\\HasNoChildren) "/" INBOX', `${tag} OK done`];
        default:
          return `${tag} OK`;
      }
    });
  }

  it('classifies RFC 5530 codes and tries the next username only after a credentials failure', async () => {
    const server = await imap((user) =>
      user === 'u2' ? 'OK logged in' : 'NO [AUTHENTICATIONFAILED] Authentication failed.',
    );
    const ok = await verifyEndpoint(plain('imap', server.port), {
      ...consent,
      usernames: ['u1', 'u2'],
    });
    expect(ok).toMatchObject({ ok: true, username: 'u2' });

    const app = await imap(
      () => 'NO [ALERT] Application-specific password required: https://x.test/help',
    );
    const refused = await verifyEndpoint(plain('imap', app.port), {
      ...consent,
      usernames: ['u1', 'u2'],
    });
    expect(refused).toMatchObject({ ok: false, reason: 'app-password-required', attempts: 1 });
    expect(refused.ok ? '' : refused.serverText).toContain(
      'Application-specific password required',
    );
  });
});

describe('SMTP login and sender check (fake server)', () => {
  function smtp(authAnswer: string, mailAnswer = '250 2.1.0 Ok', rcptAnswer = '250 2.1.5 Ok') {
    return serve('220 fake ESMTP', (line, state) => {
      const verb = line.split(' ')[0]?.toUpperCase();
      if (state.auth === 'login-user') {
        state.auth = 'login-pass';
        return '334 UGFzc3dvcmQ6';
      }
      if (state.auth === 'login-pass') {
        state.auth = '';
        return authAnswer;
      }
      switch (verb) {
        case 'EHLO':
          return ['250-fake', '250-AUTH PLAIN LOGIN', '250 8BITMIME'];
        case 'AUTH':
          if (/^AUTH LOGIN/i.test(line)) {
            state.auth = 'login-user';
            return '334 VXNlcm5hbWU6';
          }
          return authAnswer;
        case 'MAIL':
          return mailAnswer;
        case 'RCPT':
          return rcptAnswer;
        case 'RSET':
          return '250 2.0.0 Ok';
        case 'QUIT':
          return { close: true, text: '221 2.0.0 Bye' };
        default:
          return '502 5.5.2 Error: command not recognized';
      }
    });
  }

  it('logs in and checks the sender without ever sending DATA', async () => {
    const server = await smtp(
      '235 2.7.0 Authentication successful',
      '250 2.1.0 Ok',
      '553 5.7.1 <other@example.test>: Sender address rejected: not owned by user user@example.test',
    );
    const { verifyAccount } = await import('../../../electron/engine/verify/index.ts');
    const report = await verifyAccount(
      {
        address: {
          address: 'user@example.test',
          localPart: 'user',
          domain: 'example.test',
          domainUnicode: 'example.test',
          display: 'user@example.test',
        },
        incoming: plain('smtp', server.port),
        outgoing: plain('smtp', server.port),
      },
      { ...consent, from: 'other@example.test', usernames: ['user@example.test'] },
    );
    expect(report.outgoing).toMatchObject({ ok: true, username: 'user@example.test' });
    expect(report.sender).toMatchObject({ ok: false, reason: 'sender-rejected' });
    expect(report.sender && !report.sender.ok ? report.sender.serverText : '').toContain(
      'not owned by user',
    );
    expect(server.lines).toContain('RSET');
    expect(server.lines.some((line) => /^DATA/i.test(line))).toBe(false);
  });

  it('classifies 535 as wrong credentials and 534 5.7.9 as app password required', async () => {
    const wrong = await smtp('535 5.7.8 Error: authentication failed: authentication failure');
    expect(await verifyEndpoint(plain('smtp', wrong.port), consent)).toMatchObject({
      ok: false,
      reason: 'wrong-credentials',
    });
    const app = await smtp('534 5.7.9 Application-specific password required.');
    expect(await verifyEndpoint(plain('smtp', app.port), consent)).toMatchObject({
      ok: false,
      reason: 'app-password-required',
    });
  });

  it('reports a server without AUTH as auth-mechanism-unsupported, sending no password', async () => {
    const server = await serve('220 fake', (line) =>
      /^EHLO/i.test(line)
        ? ['250-fake', '250 8BITMIME']
        : /^QUIT/i.test(line)
          ? { close: true }
          : '250 ok',
    );
    expect(await verifyEndpoint(plain('smtp', server.port), consent)).toMatchObject({
      ok: false,
      reason: 'auth-mechanism-unsupported',
    });
    expect(server.received()).not.toContain(Buffer.from(PASSWORD).toString('base64'));
  });
});

describe('name resolution', () => {
  const failingResolver = (code: string): Resolver => ({
    lookup: async () => {
      throw Object.assign(new Error(`dns ${code}`), { code });
    },
    mx: async () => [],
    srv: async () => [],
  });

  it('reports an unknown host as unreachable and a DNS timeout as timeout, with no attempt', async () => {
    const target: Endpoint = {
      protocol: 'imap',
      host: 'nowhere.invalid',
      port: 993,
      security: 'tls',
      username: 'u',
    };
    expect(
      await verifyEndpoint(target, { password: PASSWORD, resolver: failingResolver('ENOTFOUND') }),
    ).toMatchObject({ ok: false, reason: 'unreachable', attempts: 0 });
    expect(
      await verifyEndpoint(target, { password: PASSWORD, resolver: failingResolver('ETIMEOUT') }),
    ).toMatchObject({ ok: false, reason: 'timeout', attempts: 0 });
  });
});

describe('cancellation', () => {
  it.each(['imap', 'pop3', 'smtp'] as const)(
    'an aborted %s check returns at once and closes its connection',
    async (protocol) => {
      const silent = await serve(null, () => null);
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 200);
      const started = Date.now();
      const result = await verifyEndpoint(plain(protocol, silent.port), {
        ...consent,
        timeoutMs: 10_000,
        signal: controller.signal,
      });
      expect(result).toMatchObject({ ok: false, reason: 'timeout' });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(silent.connections).toBe(1);
      await expect.poll(() => silent.open(), { timeout: 2000 }).toBe(0);
    },
  );
});
