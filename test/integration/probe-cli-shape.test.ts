/**
 * `mailsetup probe` against the lab, held to the documented shape: every port and finding of the
 * JSON document has exactly the promised members (plus the documented extras), the plain IMAP
 * port says whether LOGINDISABLED was announced, and the table names the protocol a silent
 * port should speak.
 */
import { describe, expect, inject, it } from 'vitest';
import { main } from '../../electron/cli/main.ts';
import { LAB_HOSTS } from '../lab/topology.ts';
import { captureIo, labCliArgs } from '../helpers/cli-io.ts';

const lab = inject('lab');

/** The members the issue promises, and the documented optional extras (README: probe). */
const PORT_KEYS = ['port', 'protocol', 'security', 'status', 'tls', 'capabilities', 'auth', 'ms'];
const PORT_EXTRAS = [
  'error',
  'greeting',
  'starttlsOffered',
  'authBeforeTls',
  'loginDisabledBeforeTls',
  'timing',
];
const TLS_KEYS = ['version', 'cipher', 'trusted', 'hostnameMatch', 'certificate'];
const CERT_KEYS = ['subject', 'issuer', 'validFrom', 'validTo', 'altNames', 'sha256'];
const FINDING_KEYS = ['severity', 'code', 'port', 'message'];

type Json = Record<string, unknown>;

async function probeJson(host: string): Promise<{ code: number; doc: Json }> {
  const io = captureIo();
  const code = await main(['probe', host, ...labCliArgs(lab, 3000), '--json'], io);
  expect(io.err()).toBe('');
  return { code, doc: JSON.parse(io.out()) as Json };
}

function expectKeys(value: unknown, required: string[], extras: string[] = []): void {
  const keys = Object.keys(value as Json);
  expect(keys).toEqual(expect.arrayContaining(required));
  expect(keys.filter((key) => !required.includes(key) && !extras.includes(key))).toEqual([]);
}

describe('mailsetup probe --json shape against the lab', () => {
  it('good host: every port, TLS block, certificate and the IMAP LOGINDISABLED flag', async () => {
    const { code, doc } = await probeJson(LAB_HOSTS.good.name);
    expect(code).toBe(0);
    expectKeys(doc, ['host', 'addresses', 'ports', 'findings'], ['ms']);
    const ports = doc.ports as Json[];
    expect(ports).toHaveLength(7);
    for (const port of ports) {
      expectKeys(port, PORT_KEYS, PORT_EXTRAS);
      expectKeys(port.tls, TLS_KEYS, ['error']);
      expectKeys((port.tls as Json).certificate, CERT_KEYS, ['selfSigned']);
      expect((port.tls as Json).certificate).toMatchObject({
        sha256: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
      });
    }
    // Dovecot announces LOGINDISABLED on plain IMAP until STARTTLS (disable_plaintext_auth).
    const imap143 = ports.find((p) => p.port === 143);
    expect(imap143).toMatchObject({ security: 'starttls', loginDisabledBeforeTls: true });
  });

  it('plain host: no LOGINDISABLED, refused TLS ports named by protocol, findings with a port', async () => {
    const { code, doc } = await probeJson(LAB_HOSTS.plain.name);
    expect(code).toBe(1);
    const ports = doc.ports as Json[];
    expect(ports.find((p) => p.port === 143)).toMatchObject({
      security: 'plain',
      loginDisabledBeforeTls: false,
      authBeforeTls: true,
    });
    const findings = doc.findings as Json[];
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expectKeys(finding, FINDING_KEYS, ['params']);
  });

  it('a name that does not resolve: the finding has port null', async () => {
    const { code, doc } = await probeJson('nothing-here.good.test');
    expect(code).toBe(1);
    expect(doc.findings).toEqual([
      expect.objectContaining({ code: 'host-unresolved', port: null, severity: 'error' }),
    ]);
  });
});

describe('mailsetup probe table against the lab', () => {
  it('a silent host: every row names the protocol its port should speak', async () => {
    const io = captureIo();
    const code = await main(['probe', LAB_HOSTS.silent.name, ...labCliArgs(lab, 1000)], io);
    expect(code).toBe(1);
    const expected: Array<[number, string]> = [
      [993, 'IMAP'],
      [995, 'POP3'],
      [465, 'SMTP'],
      [143, 'IMAP'],
      [110, 'POP3'],
      [587, 'SMTP'],
      [25, 'SMTP'],
    ];
    for (const [port, protocol] of expected) {
      expect(io.out()).toMatch(new RegExp(`^\\s*${port}\\s+${protocol}\\s+no answer`, 'm'));
    }
  });
});
