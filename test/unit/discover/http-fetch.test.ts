import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchDocument, type FetchOptions } from '../../../electron/engine/discover/http-fetch.ts';
import type { DiscoveryDns } from '../../../electron/engine/discover/types.ts';

/** Every name resolves to loopback, except `missing.test`. */
const dns: DiscoveryDns = {
  addresses: async (host) => ({ ok: true, value: host === 'missing.test' ? [] : ['127.0.0.1'] }),
  mx: async () => ({ ok: true, value: [] }),
  srv: async () => ({ ok: true, value: [] }),
};

let server: http.Server;
let base: string;
const seenMethods: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    seenMethods.push(`${req.method} ${path}`);
    if (path === '/ok') {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end('<a/>');
    } else if (path === '/huge') {
      res.writeHead(200, { 'content-type': 'application/xml' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = (): void => {
        while (res.write(chunk)) {
          /* keep writing until the client gives up */
        }
        res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    } else if (path === '/declared-huge') {
      res.writeHead(200, {
        'content-type': 'application/xml',
        'content-length': String(50 * 1024 * 1024),
      });
      res.write('<a>');
    } else if (path === '/silent') {
      // Never answers.
    } else if (path.startsWith('/loop')) {
      res.writeHead(302, { location: `/loop${Math.random()}` });
      res.end();
    } else if (path === '/to-ok') {
      res.writeHead(307, { location: '/ok' });
      res.end();
    } else if (path === '/elsewhere') {
      res.writeHead(302, {
        location: `http://other.example:${(server.address() as AddressInfo).port}/ok`,
      });
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://good.example:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const options = (over: Partial<FetchOptions> = {}): FetchOptions => ({
  dns,
  timeoutMs: 2000,
  trustDomain: 'good.example',
  ...over,
});

describe('fetchDocument', () => {
  it('fetches through the given DNS and reports status, type and chain', async () => {
    const result = await fetchDocument(`${base}/to-ok`, options());
    expect(result).toMatchObject({
      ok: true,
      value: { status: 200, contentType: 'application/xml', body: '<a/>' },
    });
    if (result.ok) {
      expect(result.value.chain).toEqual([`${base}/to-ok`, `${base}/ok`]);
      expect(result.value.trusted).toBe(false); // http is never trusted
    }
  });

  it('stops reading at the size cap, streamed or declared', async () => {
    expect(await fetchDocument(`${base}/huge`, options({ maxBytes: 256 * 1024 }))).toMatchObject({
      ok: false,
      error: 'too-large',
    });
    expect(await fetchDocument(`${base}/declared-huge`, options())).toMatchObject({
      ok: false,
      error: 'too-large',
    });
  });

  it('gives up after too many redirects', async () => {
    expect(await fetchDocument(`${base}/loop`, options())).toMatchObject({
      ok: false,
      error: 'too-many-redirects',
    });
  });

  it('times out on a server that never answers, within twice the timeout', async () => {
    const started = Date.now();
    expect(await fetchDocument(`${base}/silent`, options({ timeoutMs: 300 }))).toMatchObject({
      ok: false,
      error: 'timeout',
    });
    expect(Date.now() - started).toBeLessThan(600);
  });

  it('obeys the caller signal', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(
      await fetchDocument(`${base}/silent`, options({ signal: controller.signal })),
    ).toMatchObject({ ok: false, error: 'timeout' });
  });

  it('names a host that does not resolve and refuses odd schemes', async () => {
    const port = (server.address() as AddressInfo).port;
    expect(await fetchDocument(`http://missing.test:${port}/ok`, options())).toMatchObject({
      ok: false,
      error: 'network',
      detail: 'ENOTFOUND',
    });
    expect(await fetchDocument('file:///etc/passwd', options())).toMatchObject({
      ok: false,
      error: 'network',
    });
  });

  it('sends POST bodies and follows redirects across domains, recording them', async () => {
    const result = await fetchDocument(
      `${base}/elsewhere`,
      options({ method: 'POST', body: '<x/>' }),
    );
    expect(result.ok && result.value.chain.length).toBe(2);
    expect(seenMethods).toContain('POST /elsewhere');
  });
});
