import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { isValidHostname, toAsciiHostname } from '../../../electron/engine/net/hostname.ts';
import { createResolver, parseDnsServer } from '../../../electron/engine/net/resolver.ts';
import { altNames, distinguishedName } from '../../../electron/engine/net/cert.ts';

const sockets: dgram.Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});

/** A UDP "DNS server" that reads queries and never answers. */
async function silentDns(): Promise<number> {
  const socket = dgram.createSocket('udp4');
  sockets.push(socket);
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return socket.address().port;
}

async function closedUdpPort(): Promise<number> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  socket.close();
  return port;
}

describe('parseDnsServer', () => {
  it('accepts IP and IP:PORT, IPv6 in brackets', () => {
    expect(parseDnsServer('127.0.0.1')).toEqual({ address: '127.0.0.1', port: 53 });
    expect(parseDnsServer('127.0.0.1:5353')).toEqual({ address: '127.0.0.1', port: 5353 });
    expect(parseDnsServer('::1')).toEqual({ address: '::1', port: 53 });
    expect(parseDnsServer('[::1]:5353')).toEqual({ address: '::1', port: 5353 });
  });

  it('rejects names, bad ports and junk', () => {
    for (const bad of [
      'dns.example',
      '127.0.0.1:0',
      '127.0.0.1:70000',
      '127.0.0.1:',
      '1.2.3',
      '',
      '[::1]:x',
    ]) {
      expect(parseDnsServer(bad), bad).toBeNull();
    }
  });
});

describe('createResolver', () => {
  it('passes IP literals through without asking anyone', async () => {
    const resolver = createResolver({ server: `127.0.0.1:${await closedUdpPort()}` });
    expect(await resolver.lookup('127.0.0.9')).toEqual(['127.0.0.9']);
  });

  it('rejects with a code when the DNS server is not there', async () => {
    const resolver = createResolver({
      server: `127.0.0.1:${await closedUdpPort()}`,
      timeoutMs: 1000,
    });
    await expect(resolver.lookup('mail.example.test')).rejects.toMatchObject({
      code: expect.stringMatching(/^(ECONNREFUSED|ETIMEOUT)$/),
    });
  });

  it('gives up after its timeout when the DNS server stays silent', async () => {
    const resolver = createResolver({ server: `127.0.0.1:${await silentDns()}`, timeoutMs: 300 });
    const started = Date.now();
    await expect(resolver.mx('example.test')).rejects.toMatchObject({ code: 'ETIMEOUT' });
    expect(Date.now() - started).toBeLessThan(600);
  });

  it('obeys an AbortSignal', async () => {
    const resolver = createResolver({ server: `127.0.0.1:${await silentDns()}`, timeoutMs: 5000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(resolver.srv('_imaps._tcp.example.test', controller.signal)).rejects.toMatchObject(
      {
        code: 'ECANCELLED',
      },
    );
  });

  it('refuses an invalid server at creation', () => {
    expect(() => createResolver({ server: 'not-an-ip' })).toThrow(TypeError);
  });
});

describe('hostnames', () => {
  it('accepts names, IP literals and internationalised names', () => {
    expect(isValidHostname('mail.example.org')).toBe(true);
    expect(isValidHostname('MAIL.Example.org.')).toBe(true);
    expect(isValidHostname('127.0.0.1')).toBe(true);
    expect(isValidHostname('::1')).toBe(true);
    expect(toAsciiHostname('mail.bücher.de')).toBe('mail.xn--bcher-kva.de');
  });

  it('rejects what DNS cannot carry', () => {
    for (const bad of [
      '',
      ' mail.example.org',
      'a..b',
      '-a.example',
      'a-.example',
      'bad_host!',
      `${'a'.repeat(64)}.example`,
      `${'a.'.repeat(127)}com`,
      'mail.example.123',
      'user@example.org',
      'http://x',
    ]) {
      expect(isValidHostname(bad), bad).toBe(false);
    }
  });
});

describe('certificate text helpers', () => {
  it('parses subjectaltname and formats names', () => {
    expect(altNames('DNS:mail.example.org, DNS:*.example.org, IP Address:192.0.2.1')).toEqual([
      'mail.example.org',
      '*.example.org',
      '192.0.2.1',
    ]);
    expect(altNames(undefined)).toEqual([]);
    expect(distinguishedName({ CN: 'mail.example.org', O: 'Example' } as never)).toBe(
      'CN=mail.example.org, O=Example',
    );
  });
});
