/**
 * The login check against servers that misbehave on purpose: stalls, floods, garbage, bad TLS,
 * STARTTLS injection and servers that lie ("OK" to any password, "250" to everything). Every case
 * ends in a named failure within about the timeout, never reports a lie as a working login, never
 * lets the password reach a server it should not, and leaves no connection open.
 */
import { describe, expect, it } from 'vitest';
import { verifyEndpoint, type LoginResult } from '../../../electron/engine/verify/index.ts';
import type { Endpoint, Protocol, Security } from '../../../shared/model.ts';
import { HOSTILE_HOST } from '../../hostile/certs.ts';
import { measureHeap, timed } from '../../hostile/guards.ts';
import { loopbackResolver, useHostileHarness } from '../../hostile/harness.ts';
import {
  closeMidGreeting,
  continuationFlood,
  dialogue,
  drip,
  endlessLine,
  flood,
  resetOnFirstBytes,
  silent,
  tagOf,
  type Behaviour,
  type HostileOptions,
  type HostileServer,
} from '../../hostile/servers.ts';

const TIMEOUT = 1500;
const PASSWORD = 'Hostile-Pa55-wörd';
const PASSWORD_FORMS = [
  PASSWORD,
  Buffer.from(PASSWORD).toString('base64').replace(/=+$/, ''),
  Buffer.from(`\0user@hostile.test\0${PASSWORD}`).toString('base64').replace(/=+$/, ''),
];

const { serve, certs } = useHostileHarness();
const loopback = loopbackResolver;

type Failure = Extract<LoginResult, { ok: false }>;

/** Logs in once; checks time, heap and open connections; returns the result. */
async function login(
  server: HostileServer,
  protocol: Protocol,
  security: Security,
  consent = security === 'plain',
): Promise<LoginResult> {
  const endpoint: Endpoint = {
    protocol,
    host: HOSTILE_HOST,
    port: server.port,
    security,
    username: 'user@hostile.test',
  };
  const { value, growth } = await measureHeap(() =>
    timed(() =>
      verifyEndpoint(endpoint, {
        password: PASSWORD,
        resolver: loopback,
        ca: [certs().caPem],
        timeoutMs: TIMEOUT,
        ...(consent ? { allowInsecure: [HOSTILE_HOST] } : {}),
      }),
    ),
  );
  expect(value.ms).toBeLessThan(2 * TIMEOUT + 1000);
  expect(growth).toBeLessThan(8 * 1024 * 1024);
  expect(await server.settle()).toBe(0);
  return value.value;
}

function failed(result: LoginResult): Failure {
  expect(result.ok).toBe(false);
  return result as Failure;
}

/** Whether any form of the password reached the server (over any layer it could read). */
function sawPassword(server: HostileServer): boolean {
  const all = server.received.flat().join('\n');
  return PASSWORD_FORMS.some((form) => all.includes(form));
}

const GREETING: Record<Protocol, string> = {
  imap: '* OK IMAP4rev1 ready\r\n',
  pop3: '+OK POP3 ready\r\n',
  smtp: '220 smtp.hostile.test ESMTP\r\n',
};
const PROTOCOLS: Protocol[] = ['imap', 'pop3', 'smtp'];

describe('verify: stalls, breaks and floods (plaintext with consent, every protocol)', () => {
  for (const protocol of PROTOCOLS) {
    // The server took the connection, then did not answer in time: its fault, not the network's.
    it(`${protocol}: accepts and never speaks -> server-silent`, async () => {
      const server = await serve(silent);
      expect(failed(await login(server, protocol, 'plain')).reason).toBe('server-silent');
    });

    it(`${protocol}: one byte per second -> server-silent`, async () => {
      const server = await serve(drip(GREETING[protocol], 1000));
      expect(failed(await login(server, protocol, 'plain')).reason).toBe('server-silent');
    });

    it(`${protocol}: closes mid-greeting -> a named failure`, async () => {
      const server = await serve(closeMidGreeting(GREETING[protocol].slice(0, 8)));
      const result = failed(await login(server, protocol, 'plain'));
      expect(['unreachable', 'protocol-error', 'timeout']).toContain(result.reason);
    });

    it(`${protocol}: an endless line without CR LF -> a named failure, bounded memory`, async () => {
      const server = await serve(endlessLine(GREETING[protocol].slice(0, 4)));
      const result = failed(await login(server, protocol, 'plain'));
      expect(['protocol-error', 'timeout', 'unreachable']).toContain(result.reason);
      expect(result.serverText?.length ?? 0).toBeLessThanOrEqual(301);
      expect(sawPassword(server)).toBe(false);
    });

    it(`${protocol}: invalid UTF-8 in the greeting -> no crash, bounded server text`, async () => {
      const server = await serve(
        dialogue(GREETING[protocol].replace('ready', '\xff\xfe\xc3('), () => null),
      );
      const result = failed(await login(server, protocol, 'plain'));
      expect(result.reason).toBeTruthy();
    });
  }

  it('smtp: a flood of 220- continuation lines -> a named failure, bounded memory', async () => {
    const server = await serve(continuationFlood('', '220-still greeting you\r\n'));
    const result = failed(await login(server, 'smtp', 'plain'));
    expect(['protocol-error', 'timeout', 'unreachable']).toContain(result.reason);
  });

  it('smtp: a 200 KiB EHLO answer is over the reply cap (64 KiB) -> refused before AUTH', async () => {
    const server = await serve(
      dialogue(GREETING.smtp, (line) =>
        /^EHLO/i.test(line)
          ? `${'250-X-PADDING-PADDING-PADDING-PADDING\r\n'.repeat(5000)}250 AUTH PLAIN\r\n`
          : '235 2.7.0 ok\r\n',
      ),
    );
    const result = failed(await login(server, 'smtp', 'plain'));
    expect(result.reason).not.toBe('wrong-credentials');
    expect(sawPassword(server)).toBe(false);
  });

  it('imap: a 1 MB CAPABILITY answer -> a named failure, bounded memory', async () => {
    const server = await serve(
      dialogue(GREETING.imap, (line) =>
        / CAPABILITY$/i.test(line)
          ? `* CAPABILITY IMAP4rev1 ${'X-JUNK '.repeat(150_000)}\r\n${tagOf(line)} OK\r\n`
          : null,
      ),
    );
    const result = failed(await login(server, 'imap', 'plain'));
    expect(['protocol-error', 'timeout', 'unreachable']).toContain(result.reason);
  });

  it('imap: endless untagged lines after CAPABILITY -> a named failure, bounded memory', async () => {
    const server = await serve(
      dialogue(GREETING.imap, (line, connection) => {
        if (/ CAPABILITY$/i.test(line))
          flood(connection, '* X-NOISE more and more\r\n'.repeat(256));
        return null;
      }),
    );
    const result = failed(await login(server, 'imap', 'plain'));
    expect(['protocol-error', 'timeout', 'unreachable']).toContain(result.reason);
    expect(sawPassword(server)).toBe(false);
  });
});

describe('verify: bad TLS never receives the password', () => {
  const greeter: Record<Protocol, Behaviour> = {
    imap: dialogue(
      '* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n',
      (line) => `${tagOf(line)} OK\r\n`,
    ),
    pop3: dialogue(GREETING.pop3, () => '+OK\r\n'),
    smtp: dialogue(GREETING.smtp, (line) =>
      /^EHLO/i.test(line) ? '250-hostile\r\n250 AUTH PLAIN LOGIN\r\n' : '235 ok\r\n',
    ),
  };
  const badTls = (): Record<string, HostileOptions['tls']> => ({
    'a certificate for another name': { ...certs().otherName },
    'a chain with an expired intermediate': { ...certs().expiredIntermediate },
    'TLS 1.0 only': {
      ...certs().good,
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1',
      ciphers: 'DEFAULT:@SECLEVEL=0',
    },
  });

  for (const protocol of PROTOCOLS) {
    for (const name of [
      'a certificate for another name',
      'a chain with an expired intermediate',
      'TLS 1.0 only',
    ]) {
      it(`${protocol}: ${name} -> refused before the login`, async () => {
        const server = await serve(greeter[protocol], { tls: badTls()[name] });
        const result = failed(await login(server, protocol, 'tls'));
        expect(['cert-invalid', 'tls-error']).toContain(result.reason);
        expect(sawPassword(server)).toBe(false);
        expect(server.received.flat()).toEqual([]);
      });
    }

    it(`${protocol}: a reset in the middle of the handshake -> a named failure`, async () => {
      const server = await serve(resetOnFirstBytes);
      const result = failed(await login(server, protocol, 'tls'));
      expect(['tls-error', 'unreachable', 'protocol-error']).toContain(result.reason);
    });

    it(`${protocol}: a handshake followed by silence -> server-silent`, async () => {
      const server = await serve(silent, { tls: { ...certs().good } });
      expect(failed(await login(server, protocol, 'tls')).reason).toBe('server-silent');
    });
  }
});

describe('verify: STARTTLS injection', () => {
  /** Plaintext lines the server received before it switched to TLS. */
  const plaintext = new Map<HostileServer, string[]>();

  async function injecting(protocol: Protocol): Promise<HostileServer> {
    let server: HostileServer | null = null;
    const upgrade = (connection: Parameters<Behaviour>[0]): void => {
      plaintext.set(server!, [...connection.lines]);
      connection.upgrade();
    };
    const answers: Record<Protocol, (line: string, c: Parameters<Behaviour>[0]) => string | null> =
      {
        imap: (line, connection) => {
          const tag = tagOf(line);
          if (/ CAPABILITY$/i.test(line)) {
            return `* CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN\r\n${tag} OK\r\n`;
          }
          if (/ STARTTLS$/i.test(line)) {
            connection.send(
              `${tag} OK begin TLS\r\n* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n` +
                'A2 OK LOGIN completed\r\nA3 OK LOGIN completed\r\nA4 OK\r\n',
            );
            upgrade(connection);
            return null;
          }
          if (/ LOGOUT$/i.test(line)) return `* BYE\r\n${tag} OK\r\n`;
          return `${tag} NO [AUTHENTICATIONFAILED] no\r\n`;
        },
        pop3: (line, connection) => {
          if (line === 'CAPA') return '+OK\r\nUSER\r\nSTLS\r\n.\r\n';
          if (line === 'STLS') {
            connection.send('+OK begin TLS\r\n+OK\r\n+OK logged in\r\n+OK 0 0\r\n');
            upgrade(connection);
            return null;
          }
          if (line === 'QUIT') return '+OK bye\r\n';
          return '-ERR [AUTH] no\r\n';
        },
        smtp: (line, connection) => {
          if (/^EHLO/i.test(line)) return '250-hostile\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN\r\n';
          if (/^STARTTLS/i.test(line)) {
            connection.send('220 go ahead\r\n250-injected\r\n250 AUTH PLAIN\r\n235 2.7.0 ok\r\n');
            upgrade(connection);
            return null;
          }
          if (/^QUIT/i.test(line)) return '221 bye\r\n';
          return '535 5.7.8 no\r\n';
        },
      };
    server = await serve(dialogue(GREETING[protocol], answers[protocol]));
    return server;
  }

  for (const protocol of PROTOCOLS) {
    it(`${protocol}: lines injected after the go-ahead are never taken as answers`, async () => {
      const server = await injecting(protocol);
      const result = failed(await login(server, protocol, 'starttls'));
      // IMAP (imapflow) and POP3 refuse the session as an injection; SMTP (nodemailer) discards
      // the injected bytes (RFC 3207 §6) and gets the real post-TLS answer, 535: had it read the
      // injected "235", the login would have passed.
      expect(result.reason).toBe(protocol === 'smtp' ? 'wrong-credentials' : 'tls-error');
      const before = (plaintext.get(server) ?? []).join('\n');
      expect(PASSWORD_FORMS.some((form) => before.includes(form))).toBe(false);
    });
  }
});

describe('verify: servers that echo the password', () => {
  const echo = (line: string): string => line.replace(/^\S+\s+/, '');
  const servers: Record<Protocol, Behaviour> = {
    imap: (connection) => {
      let pending = '';
      dialogue(GREETING.imap, (line) => {
        const tag = tagOf(line);
        if (/ CAPABILITY$/i.test(line)) return `* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n${tag} OK\r\n`;
        if (/ LOGOUT$/i.test(line)) return `* BYE\r\n${tag} OK\r\n`;
        if (/ AUTHENTICATE PLAIN$/i.test(line)) {
          pending = tag;
          return '+ \r\n';
        }
        const answer = `${pending || tag} NO [AUTHENTICATIONFAILED] you sent: ${pending ? line : echo(line)}\r\n`;
        pending = '';
        return answer;
      })(connection);
    },
    pop3: dialogue(GREETING.pop3, (line) => {
      if (line === 'CAPA') return '+OK\r\nSASL PLAIN\r\n.\r\n';
      if (line === 'QUIT') return '+OK bye\r\n';
      return `-ERR [AUTH] you sent: ${line}\r\n`;
    }),
    smtp: dialogue(GREETING.smtp, (line) => {
      if (/^EHLO/i.test(line)) return '250-echo\r\n250 AUTH PLAIN LOGIN\r\n';
      if (/^QUIT/i.test(line)) return '221 bye\r\n';
      return `535 5.7.8 you sent: ${line}\r\n`;
    }),
  };

  for (const protocol of PROTOCOLS) {
    it(`${protocol}: the refusal keeps the server's words but never the password or its base64`, async () => {
      const server = await serve(servers[protocol]);
      const result = failed(await login(server, protocol, 'plain'));
      expect(sawPassword(server)).toBe(true);
      expect(result.serverText).toContain('you sent');
      const text = JSON.stringify(result);
      expect(PASSWORD_FORMS.filter((form) => text.includes(form))).toEqual([]);
    });
  }
});

describe('verify: servers that lie', () => {
  it('smtp: "250" to everything (even AUTH) is not a working login', async () => {
    const server = await serve(
      dialogue(GREETING.smtp, (line) =>
        /^EHLO/i.test(line) ? '250-liar\r\n250 AUTH PLAIN LOGIN\r\n' : '250 OK\r\n',
      ),
    );
    const result = await login(server, 'smtp', 'plain');
    expect(result.ok).toBe(false);
  });

  it('imap: "OK" to a wrong password, then refusing what it advertised, is not a working login', async () => {
    const server = await serve(
      dialogue(GREETING.imap, (line) => {
        const tag = tagOf(line);
        if (/ CAPABILITY$/i.test(line)) return `* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n${tag} OK\r\n`;
        if (/ (LOGIN|AUTHENTICATE) /i.test(line)) return `${tag} OK welcome\r\n`;
        if (/ LOGOUT$/i.test(line)) return `* BYE\r\n${tag} OK\r\n`;
        return `${tag} NO not authenticated\r\n`;
      }),
    );
    const result = await login(server, 'imap', 'plain');
    expect(result.ok).toBe(false);
  });

  it('pop3: "+OK" to a wrong password, then refusing STAT, is not a working login', async () => {
    const server = await serve(
      dialogue(GREETING.pop3, (line) => {
        if (line === 'CAPA') return '+OK\r\nUSER\r\n.\r\n';
        if (/^(USER|PASS) /i.test(line)) return '+OK\r\n';
        if (line === 'QUIT') return '+OK bye\r\n';
        return '-ERR not logged in\r\n';
      }),
    );
    const result = await login(server, 'pop3', 'plain');
    expect(result.ok).toBe(false);
  });
});
