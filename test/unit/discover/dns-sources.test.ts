import { describe, expect, it } from 'vitest';
import { mxDomains, mxSource } from '../../../electron/engine/discover/mx-source.ts';
import { srvCandidates } from '../../../electron/engine/discover/srv.ts';
import type { DiscoveryDns, SourceContext } from '../../../electron/engine/discover/types.ts';
import { discoveryDns } from '../../../electron/engine/discover/dns.ts';
import { parsedAddress } from '../../helpers/fixtures.ts';

type Srv = { name: string; port: number; priority: number; weight: number };

function fakeDns(
  srv: Record<string, Srv[] | 'fail'>,
  mx: Array<{ exchange: string; priority: number }> = [],
): DiscoveryDns {
  return {
    addresses: async () => ({ ok: true, value: [] }),
    mx: async () => ({ ok: true, value: mx }),
    srv: async (name) => {
      const records = srv[name];
      if (records === 'fail') return { ok: false, error: 'dns-error', detail: 'ESERVFAIL' };
      return { ok: true, value: records ?? [] };
    },
  };
}

const signal = new AbortController().signal;

describe('srvCandidates', () => {
  it('turns records into candidates; "." means not offered; a target in the domain is trusted', async () => {
    const dns = fakeDns({
      '_imaps._tcp.example.com': [{ name: 'imap.example.com', port: 993, priority: 0, weight: 1 }],
      '_pop3s._tcp.example.com': [{ name: '.', port: 0, priority: 0, weight: 0 }],
      '_submission._tcp.example.com': [
        { name: 'backup.hoster.example', port: 587, priority: 20, weight: 0 },
        { name: 'smtp.example.com', port: 587, priority: 10, weight: 0 },
      ],
      '_imap._tcp.example.com': [{ name: 'bad host!', port: 143, priority: 0, weight: 0 }],
    });
    const answer = await srvCandidates(parsedAddress('a@example.com'), dns, signal);
    expect(answer.outcome).toBe('found');
    if (answer.outcome !== 'found') return;
    expect(answer.found.incoming.map((c) => [c.host, c.port, c.security, c.trusted])).toEqual([
      ['imap.example.com', 993, 'tls', true],
    ]);
    expect(answer.found.outgoing.map((c) => [c.host, c.trusted])).toEqual([
      ['smtp.example.com', true],
      ['backup.hoster.example', false],
    ]);
    expect(answer.trusted).toBe(false);
  });

  it('says none without records and names a DNS failure when every lookup failed', async () => {
    expect(await srvCandidates(parsedAddress('a@example.com'), fakeDns({}), signal)).toMatchObject({
      outcome: 'none',
    });
    const failing = Object.fromEntries(
      ['_imaps', '_imap', '_pop3s', '_pop3', '_submissions', '_submission'].map((l) => [
        `${l}._tcp.example.com`,
        'fail' as const,
      ]),
    );
    expect(
      await srvCandidates(parsedAddress('a@example.com'), fakeDns(failing), signal),
    ).toMatchObject({
      outcome: 'error',
      error: 'dns-error',
    });
  });
});

describe('mx source', () => {
  const context = (dns: DiscoveryDns, who = 'a@customer.example'): SourceContext => ({
    address: parsedAddress(who),
    dns,
    ca: [],
    ispdbUrl: 'https://ispdb.invalid/',
    timeoutMs: 1000,
  });

  it('asks the MX host minus its first label, then the registrable domain', () => {
    expect(mxDomains('mx1.eu.hoster.co.uk')).toEqual(['eu.hoster.co.uk', 'hoster.co.uk']);
    expect(mxDomains('mx.hoster.com')).toEqual(['hoster.com']);
  });

  it('maps an MX at a known provider to its own servers from built-in knowledge, trusted', async () => {
    const dns = fakeDns({}, [{ exchange: 'mxext1.mailbox.org.', priority: 10 }]);
    const answer = await mxSource(context(dns), signal);
    expect(answer).toMatchObject({ outcome: 'found', trusted: true });
    if (answer.outcome !== 'found') return;
    expect(answer.found.provider).toBe('mailbox-org');
    expect(answer.found.hostedBy).toMatchObject({
      provider: 'mailbox-org',
      domain: 'mailbox.org',
      trusted: true,
    });
    expect(answer.found.hostedBy?.via).toMatch(/ MX mxext1\.mailbox\.org$/);
    const all = [...answer.found.incoming, ...answer.found.outgoing];
    expect(all.every((c) => c.source === 'mx' && c.trusted && c.hoster === undefined)).toBe(true);
    expect(all.every((c) => c.host.endsWith('.mailbox.org'))).toBe(true);
  });

  it('keeps an unknown hoster untrusted and names it as the unit of consent', async () => {
    const dns = fakeDns({}, [{ exchange: 'mx1.hoster.example.', priority: 10 }]);
    const answer = await mxSource(context(dns), signal);
    expect(answer).toMatchObject({
      outcome: 'none',
      hostedBy: { domain: 'hoster.example', trusted: false },
    });
    expect(answer.outcome === 'none' && answer.hostedBy?.provider).toBeFalsy();
  });

  it('stops when the MX is in the address domain itself', async () => {
    const dns = fakeDns({}, [{ exchange: 'mail.customer.example', priority: 10 }]);
    expect(await mxSource(context(dns), signal)).toMatchObject({
      outcome: 'none',
      detail: 'same-domain',
    });
  });
});

describe('discoveryDns', () => {
  it('sorts MX by preference and maps resolver errors to values', async () => {
    const dns = discoveryDns({
      lookup: () => Promise.reject(Object.assign(new Error('x'), { code: 'ENOTFOUND' })),
      mx: async () => [
        { exchange: 'b', priority: 20 },
        { exchange: 'a', priority: 5 },
      ],
      srv: () => Promise.reject(Object.assign(new Error('x'), { code: 'ETIMEOUT' })),
    });
    expect(await dns.addresses('x', signal)).toEqual({ ok: true, value: [] });
    expect(await dns.mx('x', signal)).toEqual({
      ok: true,
      value: [
        { exchange: 'a', priority: 5 },
        { exchange: 'b', priority: 20 },
      ],
    });
    expect(await dns.srv('x', signal)).toMatchObject({ ok: false, error: 'timeout' });
  });
});
