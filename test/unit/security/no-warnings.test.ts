/**
 * Security review, item 10 (the noise): a whole check (every discovery source, an ISPDB document
 * naming twenty ports of one host, the probes of every host found, with the caller's abort signal)
 * prints no Node warning such as MaxListenersExceededWarning. The ISPDB server is scripted on
 * 127.0.0.1; every other name resolves to 127.0.0.1, whose other ports are closed.
 */
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { check } from '../../../electron/engine/choose/check.ts';
import { MAX_PROBED_HOSTS } from '../../../electron/engine/choose/check-probes.ts';
import type { Resolver } from '../../../electron/engine/net/resolver.ts';
import { parseAddress } from '../../../shared/address.ts';

/** One host with ten IMAP and ten SMTP ports: more than Node's default of 10 listeners. */
function ispdbDocument(): string {
  const server = (side: 'incoming' | 'outgoing', type: string, port: number) =>
    `<${side}Server type="${type}"><hostname>mail.many.test</hostname><port>${port}</port>` +
    `<socketType>SSL</socketType><username>%EMAILADDRESS%</username></${side}Server>`;
  const entries = Array.from(
    { length: 10 },
    (_, i) => server('incoming', 'imap', 20000 + i) + server('outgoing', 'smtp', 21000 + i),
  ).join('');
  return `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="many.test">${entries}</emailProvider></clientConfig>`;
}

const loopback: Resolver = {
  lookup: async (host) => (net.isIP(host) ? [host] : ['127.0.0.1']),
  mx: async () => [{ exchange: 'mx.many.test', priority: 1 }],
  srv: async () => [],
};

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

describe('a whole check', () => {
  it('prints no Node warning, however many sources, hosts and ports it handles', async () => {
    const requests: string[] = [];
    server = http.createServer((request, response) => {
      requests.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'application/xml' }).end(ispdbDocument());
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const parsed = parseAddress('anna@many.test');
    if (!parsed.ok) throw new Error('test address');

    const warnings: string[] = [];
    const onWarning = (warning: Error): void =>
      void warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    let report;
    try {
      report = await check(parsed.value, {
        resolver: loopback,
        ispdbUrl: `http://127.0.0.1:${port}/v1.1/`,
        timeoutMs: 800,
        signal: new AbortController().signal,
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('warning', onWarning);
    }
    expect(requests.length).toBeGreaterThan(0);
    expect(report.sources.length).toBeGreaterThan(5);
    expect(report.probes.length).toBeGreaterThan(0);
    expect(report.probes.length).toBeLessThanOrEqual(MAX_PROBED_HOSTS);
    expect(Math.max(...report.probes.map((probe) => probe.ports.length))).toBeGreaterThan(10);
    expect(warnings).toEqual([]);
  }, 20_000);
});
