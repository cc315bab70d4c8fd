import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main.ts';
import { formatRow } from '../../electron/cli/table.ts';
import { captureIo } from '../helpers/cli-io.ts';
import { pop3Script } from './helpers/fake-dialogues.ts';
import { startFakeServer, type FakeServer } from './helpers/fake-mail-server.ts';
import { FAKE_ADDRESS, makeTestCerts } from './helpers/test-certs.ts';

const ESC = '\x1b';

let dir: string;
let caFile: string;
let server: FakeServer;
const STANDARD = [993, 995, 465, 143, 110, 587, 25];

beforeAll(async () => {
  const certs = makeTestCerts();
  dir = mkdtempSync(path.join(os.tmpdir(), 'cli-probe-'));
  caFile = path.join(dir, 'ca.pem');
  writeFileSync(caFile, certs.caPem);
  writeFileSync(path.join(dir, 'not-pem.txt'), 'hello');
  // Nothing else listens on this loopback address: the standard ports refuse.
  server = await startFakeServer({
    ...pop3Script({ starttls: true }),
    credentials: certs.leaf,
    address: FAKE_ADDRESS,
  });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('mailsetup probe (CLI)', () => {
  const probeArgs = (): string[] => [
    'probe',
    FAKE_ADDRESS,
    '--port',
    String(server.port),
    '--ca',
    caFile,
    '--timeout',
    '2000',
  ];

  it('prints one JSON document and exits 0 when only notes were found', async () => {
    const io = captureIo();
    const code = await main([...probeArgs(), '--json'], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(io.out());
    expect(doc.host).toBe(FAKE_ADDRESS);
    expect(doc.addresses).toEqual([FAKE_ADDRESS]);
    expect(doc.ports.map((p: { port: number }) => p.port)).toEqual([...STANDARD, server.port]);
    const mine = doc.ports.at(-1);
    expect(mine).toMatchObject({
      protocol: 'pop3',
      security: 'starttls',
      status: 'ok',
      auth: ['PLAIN'],
      tls: {
        trusted: true,
        hostnameMatch: true,
        certificate: { altNames: expect.arrayContaining([FAKE_ADDRESS]) },
      },
    });
    expect(
      doc.findings.every(
        (f: { severity: string; code: string }) =>
          f.severity === 'info' && f.code === 'port-refused',
      ),
    ).toBe(true);
    expect(doc.findings[0].message).toBe(
      'Port 993 refused the connection: no service is offered there.',
    );
  });

  it('prints rows as they arrive and the findings, without colours when not on a terminal', async () => {
    const io = captureIo();
    expect(await main(probeArgs(), io)).toBe(0);
    const text = io.out();
    expect(text).not.toContain('\x1b[');
    expect(text).toContain(`Probing ${FAKE_ADDRESS} (${FAKE_ADDRESS})`);
    expect(text).toMatch(
      new RegExp(`^\\s*${server.port}\\s+POP3\\s+STARTTLS\\s+ok\\s+TLSv1\\.[23]\\s+valid`, 'm'),
    );
    expect(text).toMatch(/^\s*993\s+IMAP\s+refused/m);
    expect(text).toContain('Note: Port 993 refused the connection');
    // Every row is printed once: 8 ports, one header.
    expect(text.split('\n').filter((line) => /^\s*\d+\s/.test(line))).toHaveLength(8);
  });

  it('draws a live table with colours on a terminal', async () => {
    const io = captureIo({ tty: true });
    expect(await main(probeArgs(), io)).toBe(0);
    const text = io.out();
    expect(text).toContain('\x1b[32m'); // green
    expect(text).toMatch(new RegExp(`${ESC}\\[\\d+A\r${ESC}\\[2K`)); // rows redrawn in place
    const plain = captureIo({ tty: true, env: { NO_COLOR: '1' } });
    await main(probeArgs(), plain);
    expect(plain.out()).not.toContain('\x1b[32m');
  });

  it('rejects bad usage and bad input with one line and exit code 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['probe'], /host name is required/],
      [['probe', 'bad_host!'], /'bad_host!' is not a valid host name/],
      [['probe', 'mail.example.test', '--port', '70000'], /'70000' is not a port number/],
      [['probe', 'mail.example.test', '--dns', 'dns.example'], /not a DNS server address/],
      [['probe', 'mail.example.test', '--timeout', '0'], /not a timeout in milliseconds/],
      [['probe', 'mail.example.test', '--frobnicate'], /unknown option '--frobnicate'/],
      [['probe', 'mail.example.test', 'extra'], /unexpected argument 'extra'/],
      [
        ['probe', 'mail.example.test', '--ca', path.join(os.tmpdir(), 'no-such-ca-file.pem')],
        /cannot read the CA file/,
      ],
    ];
    for (const [args, message] of cases) {
      const io = captureIo();
      expect(await main(args, io), args.join(' ')).toBe(2);
      expect(io.err()).toMatch(message);
      expect(io.err().trim().split('\n')).toHaveLength(1);
      expect(io.out()).toBe('');
    }
    const notPem = captureIo();
    expect(await main(['probe', 'x.test', '--ca', path.join(dir, 'not-pem.txt')], notPem)).toBe(2);
    expect(notPem.err()).toMatch(/contains no PEM certificate/);
  });

  it('speaks German when the environment asks for it', async () => {
    const io = captureIo({ env: { LANG: 'de_DE.UTF-8' } });
    expect(await main(['probe', 'kein_host'], io)).toBe(2);
    expect(io.err()).toBe("mailsetup probe: 'kein_host' ist kein gültiger Hostname\n");
  });
});

describe('table rows', () => {
  it('pads, aligns and cuts cells to their columns', () => {
    const columns = [
      { key: 'a', title: 'A', width: 4, align: 'right' as const },
      { key: 'b', title: 'B', width: 5 },
      { key: 'c', title: 'C', width: 3 },
    ];
    expect(formatRow(columns, { a: '25', b: 'abcdefgh', c: 'the rest is kept' })).toBe(
      '  25  abcd…  the rest is kept',
    );
    expect(formatRow(columns, { a: '1' })).toBe('   1');
  });
});
