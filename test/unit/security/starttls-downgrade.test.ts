/**
 * Security review: a STARTTLS endpoint never turns into a plaintext login. Consent for a host
 * (given for a certificate problem) relaxes the certificate check only; a server - or a man in
 * the middle - that strips STARTTLS from the capabilities or refuses it must not receive the
 * password in clear. Plaintext needs an endpoint whose security is `plain`, chosen openly.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { verifyEndpoint } from '../../../electron/engine/verify/index.ts';
import type { Endpoint, Protocol } from '../../../shared/model.ts';
import { fakeServer, type FakeServer, type Reply } from '../verify/fake-server.ts';

const PASSWORD = 'Downgr4de-pw';

/** Whether the bytes hold the password in clear or inside any base64 word (AUTH PLAIN/LOGIN). */
function holdsPassword(received: string): boolean {
  if (received.includes(PASSWORD)) return true;
  const words = received.match(/[A-Za-z0-9+/]{4,}={0,2}/g) ?? [];
  return words.some((word) => Buffer.from(word, 'base64').toString('latin1').includes(PASSWORD));
}
const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Servers that answer everything but never upgrade: STARTTLS missing (`strip`) or refused. */
function dialogue(
  protocol: Protocol,
  strip: boolean,
): [string, (line: string, state: Record<string, unknown>) => Reply] {
  switch (protocol) {
    case 'imap':
      return [
        `* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN${strip ? '' : ' STARTTLS'}] ready`,
        (line, state) => {
          const [tag, command] = line.split(' ');
          const verb = command?.toUpperCase();
          if (verb === 'CAPABILITY')
            return [`* CAPABILITY IMAP4rev1 AUTH=PLAIN${strip ? '' : ' STARTTLS'}`, `${tag} OK`];
          if (verb === 'STARTTLS') return `${tag} NO not now`;
          if (verb === 'LOGOUT') return ['* BYE', `${tag} OK`];
          if (verb === 'AUTHENTICATE') {
            state.tag = tag;
            return '+ ';
          }
          if (verb === 'LOGIN') return `${tag} OK logged in`;
          // The AUTHENTICATE PLAIN continuation line (base64, no tag) and anything else.
          return line.includes(' ') ? `${tag} OK` : `${String(state.tag)} OK`;
        },
      ];
    case 'pop3':
      return [
        '+OK ready',
        (line) => {
          if (line === 'CAPA') return ['+OK', 'USER', ...(strip ? [] : ['STLS']), '.'];
          if (line === 'STLS') return '-ERR not now';
          if (line === 'STAT') return '+OK 0 0';
          return '+OK';
        },
      ];
    case 'smtp':
      return [
        '220 ready',
        (line) => {
          if (/^EHLO/i.test(line))
            return ['250-fake', ...(strip ? [] : ['250-STARTTLS']), '250 AUTH PLAIN LOGIN'];
          if (/^STARTTLS/i.test(line)) return '454 4.7.0 TLS not available';
          if (/^AUTH/i.test(line)) return '235 2.7.0 ok';
          if (/^QUIT/i.test(line)) return '221 bye';
          return '250 ok';
        },
      ];
  }
}

describe('STARTTLS endpoints with a consented host', () => {
  for (const protocol of ['imap', 'pop3', 'smtp'] as const) {
    for (const strip of [true, false]) {
      it(`${protocol}: STARTTLS ${strip ? 'stripped' : 'refused'} - the password stays home`, async () => {
        const [greeting, reply] = dialogue(protocol, strip);
        const server = await fakeServer(greeting, reply);
        servers.push(server);
        const endpoint: Endpoint = {
          protocol,
          host: '127.0.0.1',
          port: server.port,
          security: 'starttls',
          username: 'user@example.test',
        };
        const result = await verifyEndpoint(endpoint, {
          password: PASSWORD,
          allowInsecure: ['127.0.0.1'],
          timeoutMs: 3000,
        });
        expect(result.ok).toBe(false);
        expect(holdsPassword(server.received())).toBe(false);
      });
    }
  }
});
