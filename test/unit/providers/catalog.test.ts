import { describe, expect, it } from 'vitest';
import { PROVIDERS, findProviderById } from '../../../shared/providers/index.ts';

/** Every provider the issue names must be in the catalogue. */
const REQUIRED = [
  'mailbox-org',
  'plentyone',
  'runbox',
  'onoffice',
  'gmail',
  'google-workspace',
  'outlook',
  'microsoft-365',
  'icloud',
  'yahoo',
  'aol',
  'gmx',
  'web-de',
  't-online',
  'ionos',
  'strato',
  'posteo',
  'fastmail',
  'zoho',
  'proton-bridge',
  'yandex',
  'mail-de',
  'hetzner',
  'tuta',
];

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$|^127\.0\.0\.1$/;

describe('provider catalogue data', () => {
  it('contains every provider of the issue', () => {
    for (const id of REQUIRED) expect(findProviderById(id)?.id, id).toBe(id);
  });

  it('has unique ids and never gives one address domain to two providers', () => {
    const ids = PROVIDERS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const owner = new Map<string, string>();
    for (const p of PROVIDERS) {
      for (const d of p.domains) {
        expect(owner.get(d), `${d} in ${p.id} and ${owner.get(d)}`).toBeUndefined();
        owner.set(d, p.id);
      }
    }
  });

  it('stores names as lower-case ASCII host names', () => {
    for (const p of PROVIDERS) {
      expect(p.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      for (const name of [...p.domains, ...p.mxPatterns, ...(p.domainSuffixes ?? [])]) {
        expect(name, p.id).toMatch(HOST);
      }
    }
  });

  it('describes servers with valid ports, security and protocol on the right side', () => {
    for (const p of PROVIDERS) {
      for (const s of [...p.incoming, ...p.outgoing]) {
        expect(s.host, p.id).toMatch(HOST);
        expect(Number.isInteger(s.port) && s.port > 0 && s.port < 65536).toBe(true);
        expect(['tls', 'starttls']).toContain(s.security); // nothing plaintext is built in
        expect(s.username).toMatch(/%EMAIL(ADDRESS|LOCALPART)%/);
      }
      expect(
        p.incoming.every((s) => s.protocol !== 'smtp'),
        p.id,
      ).toBe(true);
      expect(
        p.outgoing.every((s) => s.protocol === 'smtp'),
        p.id,
      ).toBe(true);
      const firstPop = p.incoming.findIndex((s) => s.protocol === 'pop3');
      const lastImap = p.incoming.map((s) => s.protocol).lastIndexOf('imap');
      if (firstPop !== -1 && lastImap !== -1)
        expect(lastImap, `${p.id}: IMAP before POP3`).toBeLessThan(firstPop);
    }
  });

  it('has servers unless the provider has no IMAP at all', () => {
    for (const p of PROVIDERS) {
      if (p.noImap) {
        expect(p.incoming.length + p.outgoing.length, p.id).toBe(0);
        expect(p.guides[0]?.code).toBe('no-imap');
      } else {
        expect(p.incoming.length, p.id).toBeGreaterThan(0);
        expect(p.outgoing.length, p.id).toBeGreaterThan(0);
      }
    }
  });

  it('links only to https pages and always has guidance and a summary', () => {
    for (const p of PROVIDERS) {
      const urls = [p.helpUrl, p.appPasswordUrl, p.auth.webLoginUrl, ...p.guides.map((g) => g.url)];
      for (const url of urls) if (url !== undefined) expect(url, p.id).toMatch(/^https:\/\/\S+$/);
      expect(p.guides.length, p.id).toBeGreaterThan(0);
      expect(p.notes.length, p.id).toBeGreaterThan(0);
    }
  });

  it('explains app passwords wherever the provider needs them, and OAuth where passwords fail', () => {
    for (const p of PROVIDERS) {
      const codes = p.guides.map((g) => g.code);
      if (p.auth.appPassword === 'required' || p.auth.appPassword === 'with-2fa') {
        expect(codes, p.id).toContain('app-password');
        expect(p.appPasswordUrl, p.id).toBeDefined();
      }
      if (p.auth.oauthOnly) expect(codes[0], p.id).toBe('oauth-only');
      if (p.auth.servicesMustBeEnabled?.length) expect(codes, p.id).toContain('enable-imap');
    }
  });

  it('points hosted entries at a provider that exists and shares its servers', () => {
    for (const p of PROVIDERS.filter((x) => x.hostedBy)) {
      const host = findProviderById(p.hostedBy ?? '');
      expect(host, p.id).toBeDefined();
      expect(p.incoming).toEqual(host?.incoming);
      expect(p.outgoing).toEqual(host?.outgoing);
    }
  });
});

describe('catalogue entries the Thunderbird ISPDB also lists (checked against ispdb/*.xml, 2026-03)', () => {
  const find = (id: string) => PROVIDERS.find((p) => p.id === id)!;
  const hosts = (id: string) =>
    [...find(id).incoming, ...find(id).outgoing].map((s) => `${s.host}:${s.port}:${s.security}`);

  it('IONOS uses one host family, the ISPDB’s 1und1.de names, on both ports of each service', () => {
    expect(hosts('ionos')).toEqual([
      'imap.1und1.de:993:tls',
      'imap.1und1.de:143:starttls',
      'pop.1und1.de:995:tls',
      'pop.1und1.de:110:starttls',
      'smtp.1und1.de:465:tls',
      'smtp.1und1.de:587:starttls',
    ]);
    // IONOS's own web domains are not address domains served by the German hosts.
    expect(find('ionos').domains).not.toContain('ionos.co.uk');
  });

  it('lists the ISPDB’s domains: Outlook.com country domains, Posteo, GMX.com', () => {
    expect(find('outlook').domains.length).toBeGreaterThanOrEqual(100);
    expect(find('outlook').domains).toEqual(
      expect.arrayContaining(['outlook.jp', 'hotmail.be', 'live.com.au']),
    );
    expect(find('posteo').domains.length).toBeGreaterThanOrEqual(50);
    expect(find('gmx-com').domains).toEqual(expect.arrayContaining(['gmx.ca', 'gmx.se', 'gmx.li']));
  });

  it('marks the login methods the ISPDB names: Microsoft OAuth2 only, Google/Yahoo/AOL OAuth2 or password', () => {
    for (const id of ['outlook', 'microsoft-365'])
      for (const s of [...find(id).incoming, ...find(id).outgoing])
        expect(s.auth).toEqual(['oauth2']);
    for (const id of ['gmail', 'google-workspace', 'yahoo', 'aol'])
      for (const s of [...find(id).incoming, ...find(id).outgoing])
        expect(s.auth).toEqual(['oauth2', 'password-cleartext']);
  });
});
