import { describe, expect, it } from 'vitest';
import {
  findProviderByDomain,
  PROVIDERS,
  providerCandidates,
} from '../../../shared/providers/index.ts';
import { discover } from '../../../electron/engine/discover/index.ts';
import { check } from '../../../electron/engine/choose/check.ts';
import type { Resolver } from '../../../electron/engine/net/resolver.ts';
import { parsedAddress } from '../../helpers/fixtures.ts';

/** A resolver that records every question: offline discovery must ask none. */
function recordingResolver(calls: string[]): Resolver {
  const refuse = (name: string) => {
    calls.push(name);
    return Promise.reject(Object.assign(new Error('offline'), { code: 'ECONNREFUSED' }));
  };
  return { lookup: refuse, mx: refuse, srv: refuse };
}

describe('discover --offline', () => {
  const withDomains = PROVIDERS.filter((provider) => provider.domains.length > 0);

  it('covers the seed providers that own address domains', () => {
    const ids = withDomains.map((provider) => provider.id);
    // onOffice has no address domains of its own: only an MX lookup (network) can recognise it.
    for (const seed of ['mailbox-org', 'runbox']) expect(ids).toContain(seed);
  });

  it.each(withDomains.map((provider) => [provider.id, provider.domains[0] as string]))(
    '%s: answers for %s from built-in knowledge without touching the network',
    async (_id, domain) => {
      const calls: string[] = [];
      const who = parsedAddress(`Test.User@${domain}`);
      const result = await discover(who, { offline: true, resolver: recordingResolver(calls) });
      const provider = findProviderByDomain(domain);
      expect(provider).toBeDefined();
      if (!provider) return;
      expect(calls).toEqual([]);
      expect(result.provider).toBe(provider.id);
      expect(result.sources).toEqual([
        expect.objectContaining({ source: 'provider', outcome: 'found', trusted: true }),
      ]);
      const expected = providerCandidates(provider, who);
      expect(result.incoming).toEqual(expected.incoming);
      expect(result.outgoing).toEqual(expected.outgoing);
      if (!provider.noImap) expect(result.incoming.length).toBeGreaterThan(0);
      for (const candidate of [...result.incoming, ...result.outgoing]) {
        expect(candidate).toMatchObject({ source: 'provider', trusted: true });
        expect(candidate.username).not.toContain('%');
      }
    },
  );

  it('finds nothing offline for an unknown domain, and asks nobody', async () => {
    const calls: string[] = [];
    const result = await discover(parsedAddress('a@unknown-domain.test'), {
      offline: true,
      resolver: recordingResolver(calls),
    });
    expect(calls).toEqual([]);
    expect(result.incoming).toEqual([]);
    expect(result.sources).toEqual([
      expect.objectContaining({ source: 'provider', outcome: 'none' }),
    ]);
  });
});

describe('check --offline', () => {
  it('says so when the provider offers no IMAP at all (Tuta), and recommends nothing', async () => {
    const tuta = PROVIDERS.find((provider) => provider.noImap && provider.domains.length > 0);
    expect(tuta).toBeDefined();
    if (!tuta) return;
    const calls: string[] = [];
    const report = await check(parsedAddress(`someone@${tuta.domains[0]}`), {
      offline: true,
      resolver: recordingResolver(calls),
    });
    expect(calls).toEqual([]);
    expect(report.probes).toEqual([]);
    expect(report.recommended).toEqual({ incoming: null, outgoing: null, username: null });
    expect(report.findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'no-imap-offered',
        params: expect.objectContaining({ host: tuta.name }),
      }),
    ]);
  });

  it('recommends the provider servers unprobed for a known domain', async () => {
    const report = await check(parsedAddress('someone@mailbox.org'), {
      offline: true,
      resolver: recordingResolver([]),
    });
    expect(report.recommended.incoming).toMatchObject({
      protocol: 'imap',
      host: 'imap.mailbox.org',
      security: 'tls',
    });
    expect(report.recommended.username).toBe('someone@mailbox.org');
    expect(report.findings).toEqual([]);
  });
});
