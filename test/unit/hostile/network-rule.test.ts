/**
 * Security review, items 1-3 and 10: discovery is neither a port scanner nor a request forger.
 * Inside the test's own network namespace, a "public" (198.51.100.7) and a "private" (10.99.0.7)
 * address are added to the loopback interface, so hostile web and DNS sources really sit on a
 * more public network than the targets they point at (127.0.0.1, 10.x). Recording servers count
 * every connection and request that reaches them.
 * - item 2: data from a public source never probes loopback, private, link-local metadata or
 *   0.0.0.0 (a finding says so); addresses the person typed and same-level data stay allowed;
 * - item 3: every redirect hop obeys the same rule, a POST never goes https -> http, and the
 *   report shows where each request went;
 * - item 1: one Autodiscover document with thousands of Protocol blocks probes a few ports only;
 * - item 10: probing many ports and fetching from an IP literal print no Node warnings.
 */
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../../electron/engine/choose/check.ts';
import { MAX_PORTS_PER_HOST } from '../../../electron/engine/choose/check-probes.ts';
import { autodiscoverAt } from '../../../electron/engine/discover/autodiscover-source.ts';
import { discoveryDns } from '../../../electron/engine/discover/dns.ts';
import type { SourceContext } from '../../../electron/engine/discover/types.ts';
import type { Resolver } from '../../../electron/engine/net/resolver.ts';
import { probe } from '../../../electron/engine/probe/index.ts';
import { parseAddress, type ParsedAddress } from '../../../shared/address.ts';
import { makeTestCerts, type TestCerts } from '../helpers/test-certs.ts';

const PUBLIC = '198.51.100.7';
const PUBLIC_REDIRECT = '198.51.100.8';
const PRIVATE = '10.99.0.7';
/** A second loopback address for same-level (lab-like) sources. */
const LOCAL_WEB = '127.0.99.7';
const TLS_WEB = '127.0.99.8';

/** Adds an address to this namespace's loopback; only inside `npm test`'s own namespace. */
function addAddress(address: string): boolean {
  if (process.env.MAILSETUP_TEST_NETNS !== '1') return false;
  try {
    execFileSync('ip', ['addr', 'add', `${address}/32`, 'dev', 'lo'], { stdio: 'pipe' });
  } catch (error) {
    if (!String((error as { stderr?: Buffer }).stderr ?? '').includes('File exists')) return false;
  }
  return true;
}
const inNamespace = addAddress(PUBLIC) && addAddress(PUBLIC_REDIRECT) && addAddress(PRIVATE);
const nsIt = inNamespace
  ? it
  : it.skip.bind(it, '(skipped: needs npm test’s own network namespace to add addresses)');

interface Recorder {
  port: number;
  hits: string[];
  close(): Promise<void>;
}
const toClose: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(toClose.map((close) => close()));
});

/** A TCP server that greets like IMAP and records every connection. */
async function recorder(host: string): Promise<Recorder> {
  const hits: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    hits.push(`${host}:${socket.localPort}`);
    sockets.add(socket);
    socket.on('error', () => {});
    socket.end('* OK secret intranet banner\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  toClose.push(close);
  return { port: (server.address() as net.AddressInfo).port, hits, close };
}

type Route = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/** An http (or https) server on `host:port`; records the requests. */
async function web(
  host: string,
  port: number,
  route: Route,
  certs?: { key: string; cert: string },
): Promise<{ port: number; requests: string[] }> {
  const requests: string[] = [];
  const handler: http.RequestListener = (request, response) => {
    requests.push(`${request.method} ${request.url}`);
    request.resume();
    route(request, response);
  };
  const server = certs ? https.createServer(certs, handler) : http.createServer(handler);
  server.on('connection', (socket: net.Socket) => socket.on('error', () => {}));
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  toClose.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { port: (server.address() as net.AddressInfo).port, requests };
}

/** The system's resolver as the engine sees it (answers from the internet: public). */
function publicResolver(
  names: Record<string, string>,
  srv: Record<string, Array<{ name: string; port: number }>> = {},
): Resolver {
  return {
    lookup: async (host) => {
      if (net.isIP(host)) return [host];
      const address = names[host];
      if (!address) throw Object.assign(new Error('nx'), { code: 'ENOTFOUND' });
      return [address];
    },
    mx: async () => [],
    srv: async (name) => (srv[name] ?? []).map((r) => ({ ...r, priority: 0, weight: 0 })),
  };
}

function address(text: string): ParsedAddress {
  const parsed = parseAddress(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
}

function autoconfigXml(servers: Array<{ host: string; port: number }>): string {
  const entries = servers
    .map(
      ({ host, port }) =>
        `<incomingServer type="imap"><hostname>${host}</hostname><port>${port}</port>` +
        '<socketType>plain</socketType><username>%EMAILADDRESS%</username></incomingServer>',
    )
    .join('');
  return `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="x">${entries}</emailProvider></clientConfig>`;
}

const xml =
  (body: string): Route =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/xml' }).end(body);
  };

let certs: TestCerts;
beforeAll(() => {
  certs = makeTestCerts();
});

describe('item 2: the private-network rule for probes', () => {
  nsIt(
    'a document from a public server probes none of loopback, private, metadata or 0.0.0.0',
    async () => {
      const loop = await recorder('127.0.0.1');
      const intranet = await recorder(PRIVATE);
      await web(
        PUBLIC,
        80,
        xml(
          autoconfigXml([
            { host: '127.0.0.1', port: loop.port },
            { host: PRIVATE, port: intranet.port },
            { host: '169.254.169.254', port: 80 },
            { host: '0.0.0.0', port: loop.port },
            { host: '::1', port: loop.port },
          ]),
        ),
      );
      const report = await check(address('anna@public.test'), {
        sources: ['autoconfig-http'],
        resolver: publicResolver({ 'autoconfig.public.test': PUBLIC }),
        timeoutMs: 1500,
      });
      expect(report.incoming.length).toBeGreaterThanOrEqual(4);
      expect(loop.hits).toEqual([]);
      expect(intranet.hits).toEqual([]);
      const refused = report.findings.filter((f) => f.code === 'private-network-refused');
      expect(refused.map((f) => f.host).sort()).toEqual(
        ['0.0.0.0', '127.0.0.1', '169.254.169.254', '::1', PRIVATE].sort(),
      );
      expect(JSON.stringify(report)).not.toContain('secret intranet banner');
      expect(report.recommended.incoming).toBeNull();
    },
  );

  nsIt('SRV answers from a public DNS server do not point probes at loopback', async () => {
    const loop = await recorder('127.0.0.1');
    const report = await check(address('anna@srv.test'), {
      sources: ['srv'],
      resolver: publicResolver(
        { 'imap.srv.test': '127.0.0.1' },
        { '_imap._tcp.srv.test': [{ name: 'imap.srv.test', port: loop.port }] },
      ),
      timeoutMs: 1500,
    });
    expect(loop.hits).toEqual([]);
    expect(report.findings.map((f) => f.code)).toContain('private-network-refused');
  });

  it('a source on loopback (a test lab) may point at loopback; typed addresses stay allowed', async () => {
    const loop = await recorder('127.0.0.1');
    await web(LOCAL_WEB, 80, xml(autoconfigXml([{ host: '127.0.0.1', port: loop.port }])));
    await check(address('anna@lab.test'), {
      sources: ['autoconfig-http'],
      resolver: publicResolver({ 'autoconfig.lab.test': LOCAL_WEB }),
      timeoutMs: 1500,
    });
    expect(loop.hits.length).toBeGreaterThan(0);
    const typed = await probe('127.0.0.1', { ports: [loop.port], timeoutMs: 1500 });
    expect(typed.ports[0]?.status).not.toBe('unreachable');
  });

  it('never probes 0.0.0.0, multicast or the metadata address, even when typed', async () => {
    for (const host of ['0.0.0.0', '224.0.0.1', '169.254.169.254']) {
      const report = await probe(host, { ports: [993], timeoutMs: 1000 });
      expect(report.ports[0]).toMatchObject({ status: 'unreachable', error: 'private-network' });
      expect(report.findings[0]).toMatchObject({
        code: 'private-network-refused',
        params: { reason: 'never' },
      });
    }
  });
});

describe('item 3: redirects obey the same rule', () => {
  nsIt(
    'a public autoconfig server cannot make us GET an intranet URL; the hops are reported',
    async () => {
      const intranet = await web('127.0.0.1', 0, xml('<x/>'));
      await web(PUBLIC_REDIRECT, 80, (_request, response) => {
        response.writeHead(302, { location: `http://127.0.0.1:${intranet.port}/admin?x=1` }).end();
      });
      const report = await check(address('anna@redirect.test'), {
        sources: ['autoconfig-http'],
        resolver: publicResolver({ 'autoconfig.redirect.test': PUBLIC_REDIRECT }),
        timeoutMs: 1500,
      });
      expect(intranet.requests).toEqual([]);
      const source = report.sources.find((s) => s.url.startsWith('http://autoconfig.'));
      expect(source).toMatchObject({ outcome: 'error', error: 'private-network' });
      expect(source?.hops).toEqual([
        `http://autoconfig.redirect.test/mail/config-v1.1.xml (${PUBLIC_REDIRECT})`,
        `http://127.0.0.1:${intranet.port}/admin?x=1 (127.0.0.1)`,
      ]);
    },
  );

  it('never follows an https -> http redirect of the Autodiscover POST', async () => {
    const clear = await web('127.0.0.1', 0, xml('<x/>'));
    await web(
      TLS_WEB,
      443,
      (_request, response) => {
        response
          .writeHead(307, {
            location: `http://127.0.0.1:${clear.port}/autodiscover/autodiscover.xml`,
          })
          .end();
      },
      certs.leaf,
    );
    const context: SourceContext = {
      address: address('anna@mail.fake.test'),
      dns: discoveryDns(publicResolver({ 'mail.fake.test': TLS_WEB })),
      ca: [certs.caPem],
      ispdbUrl: 'http://127.0.0.1:1/',
      timeoutMs: 1500,
    };
    const answer = await autodiscoverAt(
      context,
      'https://mail.fake.test/autodiscover/autodiscover.xml',
      new AbortController().signal,
    );
    expect(answer).toMatchObject({ outcome: 'error', error: 'insecure-redirect' });
    expect(clear.requests).toEqual([]);
  });
});

describe('item 1: caps per document and per host', () => {
  it('an Autodiscover answer with 500 Protocol blocks probes at most a few ports of the host', async () => {
    // 500 blocks of one host on 500 ports: as many as the XML bounds let through (item 5 refuses
    // the 1 MB document with thousands of blocks before parsing).
    const blocks = Array.from(
      { length: 500 },
      (_, i) =>
        `<Protocol><Type>IMAP</Type><Server>127.0.0.1</Server><Port>${10000 + i}</Port></Protocol>`,
    ).join('');
    const document =
      '<?xml version="1.0"?><Autodiscover><Response><Account><AccountType>email</AccountType>' +
      `<Action>settings</Action>${blocks}</Account></Response></Autodiscover>`;
    await web('127.0.99.9', 443, xml(document), certs.leaf);
    const report = await check(address('anna@mail.fake.test'), {
      sources: ['autodiscover'],
      resolver: publicResolver({ 'mail.fake.test': '127.0.99.9' }),
      ca: [certs.caPem],
      timeoutMs: 1500,
    });
    expect(report.incoming.length).toBeLessThanOrEqual(20);
    const ports = report.probes.reduce((sum, p) => sum + p.ports.length, 0);
    expect(ports).toBeGreaterThan(0);
    expect(ports).toBeLessThanOrEqual(MAX_PORTS_PER_HOST);
  });
});

describe('item 10: no Node warnings', () => {
  it('probing 16 ports of one host prints no MaxListenersExceededWarning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const ports = Array.from({ length: 16 }, (_, i) => 20000 + i);
      await probe('127.0.0.1', { ports, timeoutMs: 1000 });
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });

  it('an https URL with an IP literal prints no DEP0123 warning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error & { code?: string }): void =>
      void warnings.push(warning.code ?? warning.name);
    process.on('warning', onWarning);
    let count = 0;
    const handshakes = (): number => count;
    const server = net.createServer((socket) => {
      count += 1;
      socket.on('error', () => {});
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(443, '127.0.99.10', resolve));
    toClose.push(() => new Promise((resolve) => server.close(() => resolve())));
    try {
      const context: SourceContext = {
        address: address('anna@mail.fake.test'),
        dns: discoveryDns(publicResolver({})),
        ca: [certs.caPem],
        ispdbUrl: 'https://127.0.99.10/v1.1/',
        timeoutMs: 1500,
      };
      const { fetchAutoconfig } = await import('../../../electron/engine/discover/fetch-source.ts');
      await fetchAutoconfig(
        context,
        { url: 'https://127.0.99.10/v1.1/x', source: 'ispdb', trustDomain: null },
        new AbortController().signal,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('warning', onWarning);
    }
    expect(handshakes()).toBeGreaterThan(0);
    expect(warnings).toEqual([]);
  });
});
