import { describe, expect, it } from 'vitest';
import {
  MAX_USERNAME_VARIANTS,
  PROVIDERS,
  findProviderById,
  providerCandidates,
  usernameVariants,
} from '../../../shared/providers/index.ts';
import type { Provider } from '../../../shared/providers/types.ts';
import { parsedAddress } from '../../helpers/fixtures.ts';

function provider(id: string): Provider {
  const p = findProviderById(id);
  if (!p) throw new Error(`no provider ${id}`);
  return p;
}

describe('providerCandidates', () => {
  it('gives mailbox.org servers as the seed page documents them, with the full address', () => {
    const { incoming, outgoing } = providerCandidates(
      provider('mailbox-org'),
      parsedAddress('Max.Mustermann@mailbox.org'),
    );
    expect(incoming.map((c) => `${c.protocol}:${c.host}:${c.port}:${c.security}`)).toEqual([
      'imap:imap.mailbox.org:993:tls',
      'imap:imap.mailbox.org:143:starttls',
      'pop3:pop3.mailbox.org:995:tls',
    ]);
    expect(outgoing.map((c) => `${c.protocol}:${c.host}:${c.port}:${c.security}`)).toEqual([
      'smtp:smtp.mailbox.org:465:tls',
      'smtp:smtp.mailbox.org:587:starttls',
    ]);
    for (const c of [...incoming, ...outgoing]) {
      expect(c).toMatchObject({
        username: 'Max.Mustermann@mailbox.org',
        source: 'provider',
        origin: 'provider:mailbox-org',
        trusted: true,
        auth: [],
      });
    }
  });

  it('fills in the local part where the provider wants it (WEB.DE, iCloud IMAP)', () => {
    const web = providerCandidates(provider('web-de'), parsedAddress('erika@web.de'));
    expect(new Set([...web.incoming, ...web.outgoing].map((c) => c.username))).toEqual(
      new Set(['erika']),
    );
    const icloud = providerCandidates(provider('icloud'), parsedAddress('anna@icloud.com'));
    expect(icloud.incoming[0]?.username).toBe('anna');
    expect(icloud.outgoing[0]?.username).toBe('anna@icloud.com');
  });

  it('uses the custom domain of a hosted address in the username', () => {
    const { incoming } = providerCandidates(
      provider('onoffice'),
      parsedAddress('makler@immobilien-beispiel.de'),
    );
    expect(incoming[0]).toMatchObject({
      host: 'imap.onoffice.de',
      username: 'makler@immobilien-beispiel.de',
    });
  });

  it('offers Runbox SMTP on 465, 587, 26 and 25 at mail.runbox.com', () => {
    const { incoming, outgoing } = providerCandidates(
      provider('runbox'),
      parsedAddress('demo@runbox.com'),
    );
    expect(incoming.map((c) => c.port)).toEqual([993, 995]);
    expect(outgoing.map((c) => c.port)).toEqual([465, 587, 26, 25]);
    expect(new Set(outgoing.map((c) => c.host))).toEqual(new Set(['mail.runbox.com']));
  });

  it('gives no candidates for Tuta', () => {
    expect(providerCandidates(provider('tuta'), parsedAddress('a@tuta.com'))).toEqual({
      incoming: [],
      outgoing: [],
    });
  });
});

describe('usernameVariants', () => {
  it('Runbox address: configured, then the user name alone', () => {
    const a = parsedAddress('demo@runbox.com');
    expect(usernameVariants(provider('runbox'), a, 'demo@runbox.com')).toEqual([
      'demo@runbox.com',
      'demo',
    ]);
  });

  it('Runbox own domain: local%domain first (the seed SMTP page), then the full address', () => {
    const a = parsedAddress('max@example.net');
    const runbox = provider('runbox');
    const configured = providerCandidates(runbox, a).incoming[0]?.username ?? '';
    expect(configured).toBe('max%example.net');
    expect(usernameVariants(runbox, a, configured)).toEqual(['max%example.net', 'max@example.net']);
    // A Runbox address keeps the full address first.
    expect(providerCandidates(runbox, parsedAddress('max@runbox.com')).incoming[0]?.username).toBe(
      'max@runbox.com',
    );
  });

  it('puts what was configured first and keeps the documented form', () => {
    const a = parsedAddress('max@example.net');
    expect(usernameVariants(provider('runbox'), a, 'runboxuser')).toEqual([
      'runboxuser',
      'max%example.net',
      'max@example.net',
    ]);
    expect(usernameVariants(provider('mailbox-org'), parsedAddress('x@mailbox.org'), 'x')).toEqual([
      'x',
      'x@mailbox.org',
    ]);
  });

  it('does not invent forms a provider does not allow', () => {
    expect(
      usernameVariants(provider('mailbox-org'), parsedAddress('x@mailbox.org'), 'x@mailbox.org'),
    ).toEqual(['x@mailbox.org']);
  });

  it('without provider knowledge: full address and local part', () => {
    expect(usernameVariants(undefined, parsedAddress('bob@good.test'), 'bob@good.test')).toEqual([
      'bob@good.test',
      'bob',
    ]);
  });

  it('accepts a template as the configured name and drops empty ones', () => {
    expect(usernameVariants(undefined, parsedAddress('bob@good.test'), '%EMAILLOCALPART%')).toEqual(
      ['bob', 'bob@good.test'],
    );
    expect(usernameVariants(undefined, parsedAddress('bob@good.test'), '  ')).toEqual([
      'bob@good.test',
      'bob',
    ]);
  });

  it('never returns more than three, without duplicates, for any provider', () => {
    const many: Provider = {
      ...provider('runbox'),
      usernameVariants: ['%EMAILLOCALPART%', '%EMAILDOMAIN%', '%EMAILADDRESS%', 'x', 'y'],
    };
    const out = usernameVariants(many, parsedAddress('demo@runbox.com'), 'configured');
    expect(out).toEqual(['configured', 'demo@runbox.com', 'demo']);
    for (const p of PROVIDERS) {
      const list = usernameVariants(p, parsedAddress('someone@example.org'), 'someone@example.org');
      expect(list.length).toBeLessThanOrEqual(MAX_USERNAME_VARIANTS);
      expect(new Set(list).size).toBe(list.length);
      expect(list[0]).toBe('someone@example.org');
    }
  });
});
