/**
 * Consent to a certificate problem pins the certificate the person saw (`host#sha256`): the login
 * goes on only when the server presents exactly that certificate. Another certificate (a man in
 * the middle with his own self-signed one) ends the session before any credential is sent.
 * Fake TLS servers on 127.0.0.1 with self-signed certificates for `mail.fake.test`.
 */
import { X509Certificate } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Resolver } from '../../../electron/engine/net/resolver.ts';
import { verifyEndpoint } from '../../../electron/engine/verify/index.ts';
import { pinnedConsent, planTransport } from '../../../electron/engine/verify/policy.ts';
import type { Endpoint, Protocol } from '../../../shared/model.ts';
import { FAKE_HOST, makeTestCerts, type TestCerts } from '../helpers/test-certs.ts';
import { fakeServer, type FakeServer } from '../verify/fake-server.ts';

const PASSWORD = 'Pinned-S3cret';
const loopback: Resolver = {
  lookup: async () => ['127.0.0.1'],
  mx: async () => [],
  srv: async () => [],
};

let seen: TestCerts;
let attacker: TestCerts;
beforeAll(() => {
  seen = makeTestCerts();
  attacker = makeTestCerts();
});

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

type Answer = (line: string) => string[] | null;

/** A line server over implicit TLS: greeting, then `answer` for each line; records all bytes. */
async function tlsFake(
  certs: { key: string; cert: string },
  greeting: string,
  answer: Answer,
): Promise<FakeServer> {
  const fake = await fakeServer(greeting, (line) => answer(line) ?? null, { tls: certs });
  servers.push(fake);
  return fake;
}

/** IMAP enough for imapflow's LOGIN, LIST and LOGOUT. */
const imap: Answer = (line) => {
  const [tag, command = ''] = line.split(' ');
  switch (command.toUpperCase()) {
    case 'CAPABILITY':
      return ['* CAPABILITY IMAP4rev1', `${tag} OK done`];
    case 'LIST':
      return ['* LIST () "/" INBOX', `${tag} OK done`];
    case 'LOGOUT':
      return ['* BYE', `${tag} OK bye`];
    default:
      return [`${tag} OK done`];
  }
};

const smtp: Answer = (line) => {
  const verb = line.split(' ')[0]!.toUpperCase();
  if (verb === 'EHLO') return ['250-fake', '250 AUTH PLAIN LOGIN'];
  if (verb === 'AUTH') return ['235 ok'];
  if (verb === 'QUIT') return ['221 bye'];
  return ['250 ok'];
};

const pop3: Answer = (line) => {
  const verb = line.split(' ')[0]!.toUpperCase();
  if (verb === 'CAPA') return ['+OK', 'USER', '.'];
  if (verb === 'STAT') return ['+OK 0 0'];
  if (verb === 'QUIT') return ['+OK bye'];
  return ['+OK'];
};

const GREETINGS: Record<Protocol, [string, Answer]> = {
  imap: ['* OK fake ready', imap],
  smtp: ['220 fake ESMTP', smtp],
  pop3: ['+OK fake ready', pop3],
};

function endpoint(protocol: Protocol, port: number): Endpoint {
  return { protocol, host: FAKE_HOST, port, security: 'tls', username: 'user@fake.test' };
}

function fingerprint(pem: string): string {
  return new X509Certificate(pem).fingerprint256;
}

/** Everything that would carry the password: in clear, or base64 (AUTH PLAIN / LOGIN). */
function holdsPassword(bytes: string): boolean {
  return (
    bytes.includes(PASSWORD) ||
    bytes.includes(Buffer.from(PASSWORD).toString('base64').slice(0, 8)) ||
    bytes.includes(Buffer.from(`\0user@fake.test\0${PASSWORD}`).toString('base64'))
  );
}

describe('pinned certificate consent', () => {
  for (const protocol of ['imap', 'smtp', 'pop3'] as const) {
    it(`${protocol}: the login proceeds when the server presents the pinned certificate`, async () => {
      const [greeting, answer] = GREETINGS[protocol];
      const server = await tlsFake(seen.selfSigned, greeting, answer);
      const result = await verifyEndpoint(endpoint(protocol, server.port), {
        password: PASSWORD,
        resolver: loopback,
        timeoutMs: 5000,
        allowInsecure: [pinnedConsent(FAKE_HOST, fingerprint(seen.selfSigned.cert))],
      });
      expect(result).toMatchObject({ ok: true });
      expect(holdsPassword(server.received())).toBe(true);
    });

    it(`${protocol}: another self-signed certificate is cert-invalid and gets no password`, async () => {
      const [greeting, answer] = GREETINGS[protocol];
      const server = await tlsFake(attacker.selfSigned, greeting, answer);
      const result = await verifyEndpoint(endpoint(protocol, server.port), {
        password: PASSWORD,
        resolver: loopback,
        timeoutMs: 5000,
        allowInsecure: [pinnedConsent(FAKE_HOST, fingerprint(seen.selfSigned.cert))],
      });
      expect(result).toMatchObject({ ok: false, reason: 'cert-invalid' });
      if (!result.ok) expect(result.serverText).toContain(fingerprint(attacker.selfSigned.cert));
      expect(holdsPassword(server.received())).toBe(false);
      expect(server.received()).not.toMatch(/LOGIN|AUTH|PASS/i);
    });
  }

  it('a bare host (plaintext) consent accepts no certificate: there is no blanket consent', async () => {
    const server = await tlsFake(attacker.selfSigned, ...GREETINGS.smtp);
    const result = await verifyEndpoint(endpoint('smtp', server.port), {
      password: PASSWORD,
      resolver: loopback,
      timeoutMs: 5000,
      allowInsecure: [FAKE_HOST],
    });
    expect(result).toMatchObject({ ok: false, reason: 'cert-invalid' });
    expect(holdsPassword(server.received())).toBe(false);
  });

  it('without consent the self-signed certificate is refused before the login', async () => {
    const server = await tlsFake(seen.selfSigned, ...GREETINGS.imap);
    const result = await verifyEndpoint(endpoint('imap', server.port), {
      password: PASSWORD,
      resolver: loopback,
      timeoutMs: 5000,
    });
    expect(result).toMatchObject({ ok: false, reason: 'cert-invalid' });
    expect(holdsPassword(server.received())).toBe(false);
  });
});

describe('pinned consent in the policy', () => {
  const plain: Endpoint = { ...endpoint('imap', 143), security: 'plain' };
  const secure = endpoint('imap', 993);
  const pin = `AB:CD:EF:01:${'00:'.repeat(27)}00`;

  it('never allows plaintext', () => {
    expect(planTransport(plain, [pinnedConsent(FAKE_HOST, pin)])).toEqual({
      allowed: false,
      reason: 'insecure-refused',
    });
    expect(planTransport(plain, [FAKE_HOST])).toMatchObject({ allowed: true, plaintext: true });
  });

  it('relaxes the chain check but keeps the pins (normalised hex, case-insensitive host)', () => {
    expect(planTransport(secure, [pinnedConsent('MAIL.fake.test.', pin.toLowerCase())])).toEqual({
      allowed: true,
      rejectUnauthorized: false,
      pinnedCertificates: [`ABCDEF01${'00'.repeat(28)}`],
      requireStarttls: false,
      plaintext: false,
      consented: true,
    });
    // A pin for another host does not count here.
    expect(planTransport(secure, [pinnedConsent('other.test', pin)])).toMatchObject({
      rejectUnauthorized: true,
    });
    // A bare (plaintext) entry beside a pinned one relaxes nothing more: still only the pin.
    const both = planTransport(secure, [pinnedConsent(FAKE_HOST, pin), FAKE_HOST]);
    expect(both).toMatchObject({
      rejectUnauthorized: false,
      pinnedCertificates: [expect.any(String)],
    });
  });
});
