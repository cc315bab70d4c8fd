/**
 * Discovery against hostile web servers and DNS answers: bodies far over the cap, lying
 * Content-Length, tar pits, redirect loops and hops to other schemes or domains, XML with
 * entities or absurd nesting, hostile placeholders, and DNS answers with "." targets, absurd
 * priorities and a hundred MX records. Each ends in a named outcome, in time, with bounded memory.
 */
import http from 'node:http';
import { DOMParser } from '@xmldom/xmldom';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseAddress, type ParsedAddress } from '../../../shared/address.ts';
import { autodiscoverAt } from '../../../electron/engine/discover/autodiscover-source.ts';
import { fetchAutoconfig } from '../../../electron/engine/discover/fetch-source.ts';
import { fetchDocument, MAX_DOCUMENT_BYTES } from '../../../electron/engine/discover/http-fetch.ts';
import { mxSource } from '../../../electron/engine/discover/mx-source.ts';
import { srvCandidates } from '../../../electron/engine/discover/srv.ts';
import type { DiscoveryDns, SourceContext } from '../../../electron/engine/discover/types.ts';
import { collectUnhandled, measureHeap, timed, type Collector } from '../../hostile/guards.ts';

const TIMEOUT = 1500;

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

let server: http.Server;
let base = '';
let bytesSent = 0;
const routes = new Map<string, Handler>();
let unhandled: Collector;

beforeAll(async () => {
  unhandled = collectUnhandled();
  server = http.createServer((request, response) => {
    const handler = routes.get(new URL(request.url ?? '/', 'http://x').pathname);
    if (handler) handler(request, response);
    else response.writeHead(404).end();
  });
  server.on('connection', (socket: net.Socket) => socket.on('error', () => {}));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});
afterAll(async () => {
  unhandled.stop();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  routes.clear();
  bytesSent = 0;
  expect(unhandled.problems).toEqual([]);
});

/** Every name resolves to loopback; MX and SRV answers as the test sets them. */
function fakeDns(answers: Partial<Pick<DiscoveryDns, 'mx' | 'srv'>> = {}): DiscoveryDns {
  return {
    addresses: async () => ({ ok: true, value: ['127.0.0.1'] }),
    mx: answers.mx ?? (async () => ({ ok: true, value: [] })),
    srv: answers.srv ?? (async () => ({ ok: true, value: [] })),
  };
}

function parsed(text: string): ParsedAddress {
  const result = parseAddress(text);
  if (!result.ok) throw new Error(text);
  return result.value;
}

function context(dns: DiscoveryDns = fakeDns(), mail = 'jane@example.test'): SourceContext {
  return { address: parsed(mail), dns, ca: [], ispdbUrl: `${base}/ispdb/`, timeoutMs: TIMEOUT };
}

const fetchOptions = () => ({ dns: fakeDns(), timeoutMs: TIMEOUT, trustDomain: 'example.test' });

/** Writes `chunk` until the client goes away or `limit` bytes went out (with back-pressure). */
function stream(response: http.ServerResponse, chunk: string, limit: number): void {
  const data = Buffer.from(chunk);
  let sent = 0;
  const pump = (): void => {
    while (sent < limit && !response.destroyed) {
      sent += data.length;
      bytesSent += data.length;
      if (!response.write(data)) return void response.once('drain', pump);
    }
    if (!response.destroyed) response.end();
  };
  response.on('error', () => {});
  pump();
}

describe('hostile web servers', () => {
  it('a 50 MB body is cut at the cap: too-large, long before 50 MB went out', async () => {
    routes.set('/huge', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/xml' });
      stream(response, `<x>${'A'.repeat(64 * 1024)}</x>`, 50 * 1024 * 1024);
    });
    const { value, growth } = await measureHeap(() =>
      timed(() => fetchDocument(`${base}/huge`, fetchOptions())),
    );
    expect(value.value).toMatchObject({ ok: false, error: 'too-large' });
    expect(value.ms).toBeLessThan(2 * TIMEOUT);
    expect(bytesSent).toBeLessThan(16 * 1024 * 1024);
    expect(growth).toBeLessThan(8 * MAX_DOCUMENT_BYTES);
  });

  it('a Content-Length of 50 MB is refused before reading', async () => {
    routes.set('/declared', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/xml', 'content-length': 50 * 1024 * 1024 });
      response.write('<clientConfig>');
    });
    const result = await fetchDocument(`${base}/declared`, fetchOptions());
    expect(result).toMatchObject({ ok: false, error: 'too-large' });
  });

  it('a body dripping one byte per 200 ms: timeout within the deadline', async () => {
    routes.set('/drip', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/xml' });
      const timer = setInterval(
        () => (response.destroyed ? clearInterval(timer) : response.write('<')),
        200,
      );
      response.on('close', () => clearInterval(timer));
    });
    const { value } = await timed(() => fetchDocument(`${base}/drip`, fetchOptions()));
    expect(value).toMatchObject({ ok: false, error: 'timeout' });
  });

  it('endless response headers: a network error, not a buffer that grows', async () => {
    const raw = net.createServer((socket) => {
      socket.on('error', () => {});
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\n');
        const timer = setInterval(() => {
          if (socket.destroyed) clearInterval(timer);
          else socket.write(`X-Pad: ${'p'.repeat(8000)}\r\n`);
        }, 5);
        socket.on('close', () => clearInterval(timer));
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    const port = (raw.address() as net.AddressInfo).port;
    const { value, ms } = await timed(() =>
      fetchDocument(`http://127.0.0.1:${port}/`, fetchOptions()),
    );
    await new Promise((resolve) => raw.close(resolve));
    expect(value).toMatchObject({ ok: false, error: 'network', detail: 'HPE_HEADER_OVERFLOW' });
    expect(ms).toBeLessThan(2 * TIMEOUT);
  });

  it('a server that accepts and never answers: timeout within the deadline', async () => {
    const raw = net.createServer((socket) => socket.on('error', () => {}));
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    const port = (raw.address() as net.AddressInfo).port;
    const { value, ms } = await timed(() =>
      fetchDocument(`http://127.0.0.1:${port}/`, fetchOptions()),
    );
    raw.close();
    expect(value).toMatchObject({ ok: false, error: 'timeout' });
    expect(ms).toBeLessThan(TIMEOUT + 1000);
  });

  it('a redirect loop ends as too-many-redirects', async () => {
    routes.set('/loop', (_request, response) =>
      response.writeHead(302, { location: '/loop' }).end(),
    );
    const { value, ms } = await timed(() => fetchDocument(`${base}/loop`, fetchOptions()));
    expect(value).toMatchObject({ ok: false, error: 'too-many-redirects' });
    expect(ms).toBeLessThan(TIMEOUT);
  });

  it('a redirect to another scheme (file:, javascript:) is refused', async () => {
    for (const location of ['file:///etc/passwd', 'javascript:alert(1)', 'ftp://example.test/x']) {
      routes.set('/elsewhere', (_request, response) => response.writeHead(301, { location }).end());
      const result = await fetchDocument(`${base}/elsewhere`, fetchOptions());
      expect(result).toMatchObject({ ok: false, error: 'network' });
    }
  });

  it('a redirect to another domain is followed but never trusted', async () => {
    routes.set('/away', (_request, response) =>
      response
        .writeHead(302, { location: `http://autoconfig.other.test:${new URL(base).port}/doc` })
        .end(),
    );
    routes.set('/doc', (_request, response) =>
      response.writeHead(200, { 'content-type': 'text/xml' }).end('<clientConfig/>'),
    );
    const result = await fetchDocument(`${base}/away`, {
      ...fetchOptions(),
      trustDomain: 'example.test',
    });
    expect(result.ok && result.value.trusted).toBe(false);
    expect(result.ok && result.value.chain).toHaveLength(2);
  });

  it('a wrong content type is named, not parsed', async () => {
    routes.set('/mail/config-v1.1.xml', (_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end('<clientConfig/>'),
    );
    const answer = await fetchAutoconfig(
      context(),
      { url: `${base}/mail/config-v1.1.xml`, source: 'autoconfig', trustDomain: 'example.test' },
      AbortSignal.timeout(5000),
    );
    expect(answer).toMatchObject({ outcome: 'error', error: 'bad-content-type' });
  });
});

describe('hostile XML', () => {
  async function serveXml(body: string) {
    routes.set('/mail/config-v1.1.xml', (_request, response) =>
      response.writeHead(200, { 'content-type': 'application/xml' }).end(body),
    );
    return fetchAutoconfig(
      context(),
      { url: `${base}/mail/config-v1.1.xml`, source: 'autoconfig', trustDomain: 'example.test' },
      AbortSignal.timeout(5000),
    );
  }

  const server = (host: string, port: string, user = '%EMAILADDRESS%') =>
    `<incomingServer type="imap"><hostname>${host}</hostname><port>${port}</port>` +
    `<socketType>SSL</socketType><username>${user}</username>` +
    '<authentication>password-cleartext</authentication></incomingServer>';
  const doc = (servers: string) =>
    `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="x">${servers}</emailProvider></clientConfig>`;

  it('an external entity (XXE) and a billion-laughs bomb are refused unparsed', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]>${doc(server('&x;', '993'))}`;
    const laughs =
      '<?xml version="1.0"?><!doctype lolz [<!entity lol "lol">' +
      Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join(
        '',
      ) +
      `]>${doc(server('&lol9;', '993'))}`;
    expect(await serveXml(xxe)).toMatchObject({ outcome: 'error', error: 'xml-doctype' });
    expect(await serveXml(laughs)).toMatchObject({ outcome: 'error', error: 'xml-doctype' });
  });

  it('an undeclared entity reference is invalid XML, not an expansion', async () => {
    expect(await serveXml(doc(server('&x;', '993')))).toMatchObject({ outcome: 'error' });
  });

  it('absurd nesting (100,000 levels) is an error value, not a stack overflow', async () => {
    const depth = 100_000;
    const nested = `${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`;
    const answer = await serveXml(
      `<clientConfig><emailProvider>${nested}</emailProvider></clientConfig>`,
    );
    expect(answer.outcome).toBe('error');
  });

  it('hostile hostnames and ports are skipped; the good server survives', async () => {
    const answer = await serveXml(
      doc(
        server('evil.test;rm -rf', '993') +
          server('127.0.0.1:22@x', '993') +
          server('imap.example.test', '0') +
          server('imap.example.test', '65536') +
          server('imap.example.test', '993abc') +
          server('imap.example.test', '993'),
      ),
    );
    expect(answer.outcome).toBe('found');
    if (answer.outcome !== 'found') return;
    expect(answer.found.incoming.map((c) => `${c.host}:${c.port}`)).toEqual([
      'imap.example.test:993',
    ]);
  });

  it('placeholders cannot inject: a local part that is not a hostname never becomes a host', async () => {
    const body = doc(
      server('%EMAILLOCALPART%.example.test', '993') + server('imap.%EMAILDOMAIN%', '993'),
    );
    routes.set('/mail/config-v1.1.xml', (_request, response) =>
      response.writeHead(200, { 'content-type': 'application/xml' }).end(body),
    );
    const answer = await fetchAutoconfig(
      context(fakeDns(), 'x`id`|evil.test/x@example.test'),
      { url: `${base}/mail/config-v1.1.xml`, source: 'autoconfig', trustDomain: 'example.test' },
      AbortSignal.timeout(5000),
    );
    expect(answer.outcome).toBe('found');
    if (answer.outcome !== 'found') return;
    expect(answer.found.incoming.map((c) => c.host)).toEqual(['imap.example.test']);
  });
});

describe('hostile Autodiscover answers', () => {
  const ask = (mail = 'jane@example.test') =>
    autodiscoverAt(
      context(fakeDns(), mail),
      `${base}/autodiscover/autodiscover.xml`,
      AbortSignal.timeout(5000),
    );

  it('a POST redirect loop ends as too-many-redirects', async () => {
    routes.set('/autodiscover/autodiscover.xml', (_request, response) =>
      response.writeHead(307, { location: '/autodiscover/autodiscover.xml' }).end(),
    );
    expect(await ask()).toMatchObject({ outcome: 'error', error: 'too-many-redirects' });
  });

  it('an entity bomb in the answer is refused unparsed; a wrong content type is named', async () => {
    routes.set('/autodiscover/autodiscover.xml', (_request, response) =>
      response
        .writeHead(200, { 'content-type': 'text/xml' })
        .end(
          '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY a "aaaa">]><Autodiscover>&a;</Autodiscover>',
        ),
    );
    expect(await ask()).toMatchObject({ outcome: 'error', error: 'xml-doctype' });
    routes.set('/autodiscover/autodiscover.xml', (_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end('<Autodiscover/>'),
    );
    expect(await ask()).toMatchObject({ outcome: 'error', error: 'bad-content-type' });
  });

  it('the request stays well-formed XML for an address full of markup characters', async () => {
    let body = '';
    routes.set('/autodiscover/autodiscover.xml', (request, response) => {
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => response.writeHead(404).end());
    });
    const mail = 'a&b\'<c>"d@example.test'.replace(/[<>"]/g, '');
    await ask(mail);
    const errors: string[] = [];
    const parsed = new DOMParser({
      onError: (level, message) => errors.push(`${level} ${message}`),
    }).parseFromString(body, 'text/xml');
    expect(errors).toEqual([]);
    expect(parsed.getElementsByTagName('EMailAddress')[0]?.textContent).toBe(mail);
  });
});

describe('hostile DNS answers', () => {
  it('SRV: "." targets dropped, absurd priorities and ports handled, a hundred records bounded', async () => {
    const many = Array.from({ length: 100 }, (_, i) => ({
      name: `imap${i}.example.test`,
      port: 993,
      priority: i % 2 ? 4294967295 : -1,
      weight: i,
    }));
    const dns = fakeDns({
      srv: async (name) =>
        name.startsWith('_imaps.')
          ? {
              ok: true,
              value: [
                { name: '.', port: 0, priority: 0, weight: 0 },
                {
                  name: 'ok.example.test',
                  port: 993,
                  priority: Number.MAX_SAFE_INTEGER,
                  weight: 1e9,
                },
                { name: 'bad.example.test', port: 0, priority: 1, weight: 1 },
                { name: 'bad2.example.test', port: 65536, priority: 1, weight: 1 },
                { name: 'evil.test;rm -rf', port: 993, priority: 1, weight: 1 },
                ...many,
              ],
            }
          : { ok: true, value: [{ name: '.', port: 0, priority: 0, weight: 0 }] },
    });
    const answer = await srvCandidates(parsed('jane@example.test'), dns, AbortSignal.timeout(5000));
    expect(answer.outcome).toBe('found');
    if (answer.outcome !== 'found') return;
    const hosts = answer.found.incoming.map((c) => c.host);
    expect(hosts).toContain('ok.example.test');
    expect(hosts).not.toContain('.');
    expect(hosts.some((h) => h.startsWith('bad') || h.includes(';'))).toBe(false);
    expect(answer.found.outgoing).toEqual([]);
  });

  it('MX: a hundred records, the first valid one decides; garbage exchanges are skipped', async () => {
    const dns = fakeDns({
      mx: async () => ({
        ok: true,
        value: [
          { exchange: '', priority: 0 },
          { exchange: 'evil.test;rm -rf', priority: 1 },
          ...Array.from({ length: 100 }, (_, i) => ({
            exchange: `mx${i}.hoster.test`,
            priority: 10 + i,
          })),
        ],
      }),
    });
    routes.set('/ispdb/hoster.test', (_request, response) => response.writeHead(404).end());
    const { value, ms } = await timed(() => mxSource(context(dns), AbortSignal.timeout(10_000)));
    expect(['none', 'error']).toContain(value.outcome);
    expect(value.url ?? '').toContain('mx0.hoster.test');
    expect(ms).toBeLessThan(4 * TIMEOUT);
  });
});
