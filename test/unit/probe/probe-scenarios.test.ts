import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  probe,
  probeHost,
  type ProbeEvent,
  type ProbeOptions,
} from '../../../electron/engine/probe/index.ts';
import type { Resolver } from '../../../electron/engine/net/resolver.ts';
import type { ProbeReport } from '../../../shared/model.ts';
import { imapScript, pop3Script, smtpScript } from '../helpers/fake-dialogues.ts';
import {
  closedPort,
  startFakeServer,
  type FakeScript,
  type FakeServer,
} from '../helpers/fake-mail-server.ts';
import { FAKE_ADDRESS, FAKE_HOST, makeTestCerts, type TestCerts } from '../helpers/test-certs.ts';

/** Answers every name with 127.0.0.1 and records what was asked. */
class FakeResolver implements Resolver {
  asked: string[] = [];
  async lookup(host: string): Promise<string[]> {
    this.asked.push(host);
    return ['127.0.0.1'];
  }
  async mx(): Promise<never[]> {
    return [];
  }
  async srv(): Promise<never[]> {
    return [];
  }
}

let certs: TestCerts;
const servers: FakeServer[] = [];
beforeAll(() => {
  certs = makeTestCerts();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(script: FakeScript): Promise<FakeServer> {
  const server = await startFakeServer({ credentials: certs.leaf, ...script });
  servers.push(server);
  return server;
}

function options(ports: ProbeOptions['ports'], extra: Partial<ProbeOptions> = {}): ProbeOptions {
  return { ports, resolver: new FakeResolver(), ca: [certs.caPem], timeoutMs: 2000, ...extra };
}

function codes(report: ProbeReport): string[] {
  return report.findings.map((f) => `${f.severity}:${f.code}`);
}

describe('probe against scripted servers', () => {
  it('upgrades IMAP with STARTTLS, re-reads capabilities over TLS and judges the certificate', async () => {
    const server = await serve(imapScript({ starttls: true }));
    const report = await probe(
      FAKE_HOST,
      options([{ port: server.port, protocol: 'imap', security: 'starttls' }]),
    );
    const [port] = report.ports;
    expect(port).toMatchObject({
      status: 'ok',
      protocol: 'imap',
      security: 'starttls',
      starttlsOffered: true,
      loginDisabledBeforeTls: true,
      authBeforeTls: false,
      auth: ['PLAIN', 'SCRAM-SHA-256'],
    });
    expect(port?.capabilities).not.toContain('STARTTLS');
    expect(port?.tls).toMatchObject({ trusted: true, hostnameMatch: true });
    expect(port?.tls?.certificate?.altNames).toEqual([FAKE_HOST, FAKE_ADDRESS]);
    expect(port?.tls?.certificate?.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(port?.tls?.version).toMatch(/^TLSv1\.[23]$/);
    expect(codes(report)).toEqual([]);
    // The server saw CAPABILITY before and after the upgrade, in that order.
    expect(server.received[0]?.map((l) => l.split(' ')[1])).toEqual([
      'CAPABILITY',
      'STARTTLS',
      'CAPABILITY',
      'LOGOUT',
    ]);
  });

  it('refuses responses injected after the STARTTLS go-ahead and never reads them as capabilities', async () => {
    const server = await serve(
      imapScript({ starttls: true, inject: '* CAPABILITY IMAP4rev1 AUTH=INJECTED\r\n' }),
    );
    const report = await probe(
      FAKE_HOST,
      options([{ port: server.port, protocol: 'imap', security: 'starttls' }]),
    );
    const [port] = report.ports;
    expect(port?.status).toBe('tls-error');
    expect(port?.error).toBe('starttls-injection');
    expect(port?.security).toBe('plain');
    expect(port?.auth).not.toContain('INJECTED');
    expect(port?.tls).toBeNull();
    expect(codes(report)).toContain('error:starttls-failed');
  });

  it('reports an untrusted self-signed certificate on implicit TLS and still gives its facts', async () => {
    const server = await serve({
      ...pop3Script(),
      implicitTls: true,
      credentials: certs.selfSigned,
    });
    const report = await probe(
      FAKE_HOST,
      options([{ port: server.port, protocol: 'pop3', security: 'tls' }]),
    );
    const [port] = report.ports;
    expect(port?.status).toBe('ok');
    expect(port?.security).toBe('tls');
    expect(port?.tls).toMatchObject({ trusted: false, hostnameMatch: true });
    expect(port?.tls?.certificate?.selfSigned).toBe(true);
    expect(port?.tls?.certificate?.subject).toContain(`CN=${FAKE_HOST}`);
    expect(codes(report)).toEqual(
      expect.arrayContaining(['error:cert-untrusted', 'warning:cert-self-signed']),
    );
  });

  it('reports a name mismatch when the certificate is for another host', async () => {
    const server = await serve({ ...smtpScript(), implicitTls: true });
    const report = await probe(
      '127.0.0.1',
      options([{ port: server.port, protocol: 'smtp', security: 'tls' }]),
    );
    expect(report.ports[0]?.tls).toMatchObject({ trusted: true, hostnameMatch: false });
    expect(codes(report)).toContain('error:cert-hostname-mismatch');
    expect(codes(report)).not.toContain('error:cert-untrusted');
  });

  it('reports a server that speaks only an outdated TLS version', async () => {
    const server = await serve({
      ...imapScript(),
      implicitTls: true,
      tlsOptions: { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT:@SECLEVEL=0' },
    });
    const report = await probe(
      FAKE_HOST,
      options([{ port: server.port, protocol: 'imap', security: 'tls' }]),
    );
    expect(report.ports[0]).toMatchObject({ status: 'ok', security: 'tls' });
    expect(report.ports[0]?.tls?.version).toBe('TLSv1.1');
    expect(report.findings).toEqual([
      expect.objectContaining({
        code: 'tls-outdated',
        severity: 'warning',
        params: expect.objectContaining({ version: 'TLSv1.1' }),
      }),
    ]);
  });

  it('recognises TLS spoken on a STARTTLS port', async () => {
    const server = await serve({ ...smtpScript(), implicitTls: true });
    const report = await probe(
      FAKE_HOST,
      options([{ port: server.port, protocol: 'smtp', security: 'starttls' }], { timeoutMs: 600 }),
    );
    const [port] = report.ports;
    expect(port).toMatchObject({
      status: 'protocol-error',
      error: 'tls-on-plain-port',
      security: 'tls',
    });
    expect(port?.greeting).toMatch(/^220 /);
    expect(port?.auth).toEqual(['PLAIN', 'LOGIN']);
    expect(port?.tls?.trusted).toBe(true);
    expect(codes(report)).toContain('warning:tls-on-plain-port');
    expect(codes(report)).not.toContain('error:plaintext-only');
  });

  it('still reads a plain greeting that comes late, after the TLS attempt spoiled the first one', async () => {
    const server = await serve({ ...pop3Script({ starttls: true }), greetingDelayMs: 400 });
    const report = await probe(
      FAKE_HOST,
      options([{ port: server.port, protocol: 'pop3', security: 'starttls' }], { timeoutMs: 600 }),
    );
    expect(report.ports[0]).toMatchObject({ status: 'ok', security: 'starttls' });
    expect(server.received).toHaveLength(2);
  });

  it('recognises plaintext on an implicit TLS port', async () => {
    const server = await serve(imapScript());
    const report = await probe(
      FAKE_HOST,
      options([{ port: server.port, protocol: 'imap', security: 'tls' }]),
    );
    const [port] = report.ports;
    expect(port).toMatchObject({
      status: 'tls-error',
      error: 'plaintext-on-tls-port',
      security: 'plain',
    });
    expect(port?.greeting).toBe('* OK fake IMAP ready');
    expect(codes(report)).toContain('error:plaintext-on-tls-port');
  });

  it('recognises the wrong protocol on a port', async () => {
    const server = await serve(smtpScript({ starttls: true }));
    const report = await probe(
      FAKE_HOST,
      options([{ port: server.port, protocol: 'imap', security: 'starttls' }]),
    );
    expect(report.ports[0]).toMatchObject({
      status: 'protocol-error',
      error: 'wrong-protocol',
      protocol: 'imap',
    });
    const finding = report.findings.find((f) => f.code === 'wrong-protocol');
    expect(finding?.params).toMatchObject({ expected: 'imap', actual: 'smtp' });
  });

  it('recognises the protocol of a port nobody named from its greeting', async () => {
    const server = await serve(pop3Script({ starttls: true }));
    const report = await probe(FAKE_HOST, options([server.port]));
    expect(report.ports[0]).toMatchObject({ status: 'ok', protocol: 'pop3', security: 'starttls' });
  });

  it('flags a plaintext-only service that offers passwords in the clear', async () => {
    const server = await serve(pop3Script({ authBeforeTls: true }));
    const report = await probe(
      FAKE_HOST,
      options([{ port: server.port, protocol: 'pop3', security: 'starttls' }]),
    );
    expect(report.ports[0]).toMatchObject({
      status: 'ok',
      security: 'plain',
      starttlsOffered: false,
      authBeforeTls: true,
    });
    // "No STARTTLS on this port" would only repeat "plaintext only" here.
    expect(codes(report)).toEqual(['error:auth-before-tls', 'error:plaintext-only']);
  });

  it('reports a missing STARTTLS where the same service has a TLS port', async () => {
    const plain = await serve(pop3Script());
    const secure = await serve({ ...pop3Script(), implicitTls: true });
    const report = await probe(
      FAKE_HOST,
      options([
        { port: secure.port, protocol: 'pop3', security: 'tls' },
        { port: plain.port, protocol: 'pop3', security: 'starttls' },
      ]),
    );
    // The plain port offers no login at all (no USER, no SASL) before TLS: also worth a word.
    expect(report.findings.map((f) => [f.severity, f.code, f.port])).toEqual([
      ['warning', 'starttls-missing', plain.port],
      ['warning', 'no-auth-offered', plain.port],
    ]);
  });

  it('warns when a STARTTLS port also offers AUTH before TLS', async () => {
    const server = await serve(smtpScript({ starttls: true, authBeforeTls: true }));
    const report = await probe(
      FAKE_HOST,
      options([{ port: server.port, protocol: 'smtp', security: 'starttls' }]),
    );
    expect(report.ports[0]).toMatchObject({
      status: 'ok',
      security: 'starttls',
      authBeforeTls: true,
    });
    expect(codes(report)).toEqual(['warning:auth-before-tls']);
  });

  it('stops at an endless line instead of buffering it', async () => {
    const server = await serve({
      onConnection(socket) {
        const chunk = Buffer.alloc(64 * 1024, 0x41);
        const pump = (): void => {
          while (!socket.destroyed && socket.write(chunk));
          if (!socket.destroyed) socket.once('drain', pump);
        };
        pump();
      },
    });
    const started = Date.now();
    const report = await probe(
      FAKE_HOST,
      options([{ port: server.port, protocol: 'imap', security: 'starttls' }]),
    );
    expect(report.ports[0]).toMatchObject({ status: 'protocol-error', error: 'line-too-long' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a refused port', async () => {
    const port = await closedPort();
    const report = await probe(
      FAKE_HOST,
      options([{ port, protocol: 'smtp', security: 'starttls' }]),
    );
    expect(report.ports[0]).toMatchObject({ status: 'refused', error: 'ECONNREFUSED' });
    expect(codes(report)).toEqual(['error:port-refused']);
  });

  it('costs one timeout for a silent host, whatever the number of ports', async () => {
    const silent = await Promise.all([1, 2, 3, 4, 5, 6].map(() => serve({})));
    const ports = silent.map((s, i) => ({
      port: s.port,
      protocol: 'imap' as const,
      security: i % 2 === 0 ? ('tls' as const) : ('starttls' as const),
    }));
    const timeoutMs = 500;
    const started = Date.now();
    const report = await probe(FAKE_HOST, options(ports, { timeoutMs }));
    const elapsed = Date.now() - started;
    expect(report.ports.map((p) => p.status)).toEqual(Array(6).fill('timeout'));
    expect(elapsed).toBeLessThan(timeoutMs * 1.5);
    // Each port took the connection and then said nothing: named as such, not as a blocked port.
    expect(codes(report)).toEqual(Array(6).fill('error:no-greeting'));
  });

  it('leaves no connection open once it returns', async () => {
    const imap = await serve(imapScript({ starttls: true }));
    const silent = await serve({});
    const wrong = await serve(smtpScript());
    await probe(
      FAKE_HOST,
      options(
        [
          { port: imap.port, protocol: 'imap', security: 'starttls' },
          { port: silent.port, protocol: 'imap', security: 'tls' },
          { port: wrong.port, protocol: 'pop3', security: 'starttls' },
        ],
        { timeoutMs: 300 },
      ),
    );
    // The server side sees the close a moment later.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([imap, silent, wrong].map((s) => s.openConnections())).toEqual([0, 0, 0]);
  });

  it('obeys an AbortSignal', async () => {
    const silent = await serve({});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const report = await probe(
      FAKE_HOST,
      options([{ port: silent.port, protocol: 'smtp', security: 'tls' }], {
        timeoutMs: 5000,
        signal: controller.signal,
      }),
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(report.ports[0]?.status).toBe('timeout');
  });

  it('reports an unresolvable host as a finding, not an exception', async () => {
    const resolver: Resolver = {
      lookup: async () => {
        throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      },
      mx: async () => [],
      srv: async () => [],
    };
    const report = await probe('nowhere.test', { resolver });
    expect(report.addresses).toEqual([]);
    expect(report.findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'host-unresolved',
        params: { host: 'nowhere.test', reason: 'ENOTFOUND' },
      }),
    ]);
  });

  it('streams events: resolved, then each port as it finishes, then done', async () => {
    const imap = await serve(imapScript({ starttls: true }));
    const refused = await closedPort();
    const events: ProbeEvent[] = [];
    const generator = probeHost(
      FAKE_HOST,
      options([
        { port: imap.port, protocol: 'imap', security: 'starttls' },
        { port: refused, protocol: 'smtp', security: 'tls' },
      ]),
    );
    for await (const event of generator) events.push(event);
    expect(events[0]).toEqual({ type: 'resolved', host: FAKE_HOST, addresses: ['127.0.0.1'] });
    expect(events.filter((e) => e.type === 'port-start')).toHaveLength(2);
    const results = events.filter((e) => e.type === 'port');
    // The refused port answers first although it was listed second.
    expect(results.map((e) => e.result.port)).toEqual([refused, imap.port]);
    const done = events.at(-1);
    expect(done?.type).toBe('done');
    // The report keeps the order the ports were asked for.
    if (done?.type === 'done')
      expect(done.report.ports.map((p) => p.port)).toEqual([imap.port, refused]);
  });
});
