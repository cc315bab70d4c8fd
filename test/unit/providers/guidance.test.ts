import { describe, expect, it } from 'vitest';
import { catalogues } from '../../../shared/i18n/catalogues.ts';
import { createI18n } from '../../../shared/i18n/index.ts';
import { VERIFY_REASONS } from '../../../shared/codes.ts';
import { genericGuidance, guidanceFor, type Guidance } from '../../../shared/providers/guidance.ts';
import { PROVIDERS, findProviderById } from '../../../shared/providers/index.ts';
import type { Provider } from '../../../shared/providers/types.ts';

function provider(id: string): Provider {
  const p = findProviderById(id);
  if (!p) throw new Error(`no provider ${id}`);
  return p;
}

/** The text at a dotted key in a nested catalogue, or undefined. */
function lookup(catalogue: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null
          ? (node as Record<string, unknown>)[part]
          : undefined,
      catalogue,
    );
}

const LANGUAGES = ['en', 'de'] as const;

/** Every key the catalogue and the guidance can hand to a translator. */
function referencedKeys(): string[] {
  const keys = new Set<string>();
  const add = (g: Guidance) => [g.titleKey, ...g.stepKeys].forEach((k) => keys.add(k));
  for (const p of PROVIDERS) {
    p.notes.forEach((k) => keys.add(k));
    for (const reason of [undefined, ...VERIFY_REASONS]) guidanceFor(p, { reason }).forEach(add);
  }
  for (const reason of [undefined, ...VERIFY_REASONS]) genericGuidance({ reason }).forEach(add);
  return [...keys];
}

describe('providers catalogue (i18n)', () => {
  it('has every referenced key in English and German, as a non-empty sentence', () => {
    const keys = referencedKeys();
    expect(keys.length).toBeGreaterThan(100);
    for (const lng of LANGUAGES) {
      for (const key of keys) {
        const text = lookup(catalogues[lng].providers, key);
        expect(typeof text, `${lng}:${key}`).toBe('string');
        expect(String(text).trim(), `${lng}:${key}`).not.toBe('');
      }
    }
  });

  it('has no unused keys', () => {
    const used = new Set(referencedKeys());
    const all: string[] = [];
    const walk = (node: unknown, prefix: string) => {
      if (typeof node !== 'object' || node === null) return void all.push(prefix);
      for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
    };
    walk(catalogues.en.providers, '');
    expect(all.filter((k) => !used.has(k))).toEqual([]);
  });

  it('German differs from English and keeps the placeholders', () => {
    for (const key of referencedKeys()) {
      const en = String(lookup(catalogues.en.providers, key));
      const de = String(lookup(catalogues.de.providers, key));
      expect(de.match(/\{\{\w+\}\}/g) ?? [], key).toEqual(en.match(/\{\{\w+\}\}/g) ?? []);
      if (en.length > 40) expect(de, key).not.toBe(en);
      // "Sie" form, never "du"/"dein".
      expect(de, key).not.toMatch(/\b(du|dein|deine|dich|dir)\b/i);
    }
  });
});

describe('guidanceFor the seed providers', () => {
  const seeds = ['mailbox-org', 'plentyone', 'onoffice', 'runbox'];

  it.each(seeds)('%s: complete guidance in both languages with https links', (id) => {
    const guides = guidanceFor(provider(id));
    expect(guides.length).toBeGreaterThan(0);
    for (const lng of LANGUAGES) {
      const t = createI18n(lng).getFixedT(lng, 'providers');
      for (const g of guides) {
        const title = t(g.titleKey, g.params);
        expect(title).not.toBe(g.titleKey);
        expect(g.stepKeys.length).toBeGreaterThan(0);
        for (const step of g.stepKeys) {
          const text = t(step, g.params);
          expect(text, `${lng}:${step}`).not.toBe(step);
          expect(text).not.toMatch(/\{\{/);
          expect(text.trim()).toMatch(/[.!?)"“]$/); // whole sentences
        }
      }
    }
    const p = provider(id);
    for (const url of [p.helpUrl, p.appPasswordUrl, ...guides.map((g) => g.url)]) {
      if (url !== undefined) expect(url).toMatch(/^https:\/\/[^\s]+$/);
    }
  });

  it('mailbox.org: username, app password under Security, and the sender rule', () => {
    const codes = guidanceFor(provider('mailbox-org')).map((g) => g.code);
    expect(codes).toEqual(expect.arrayContaining(['username-form', 'app-password', 'sender-rule']));
    const en = createI18n('en').getFixedT('en', 'providers');
    const app = guidanceFor(provider('mailbox-org')).find((g) => g.code === 'app-password');
    expect(app?.stepKeys.map((k) => en(k)).join(' ')).toMatch(/Security/);
  });

  it('PlentyONE: DNS guidance carries the SPF and both DKIM records of the seed page', () => {
    const dns = guidanceFor(provider('plentyone')).find((g) => g.code === 'dns-records');
    expect(dns?.records?.map((r) => r.name)).toEqual([
      '@',
      'mbo0001._domainkey',
      'mbo0002._domainkey',
    ]);
    for (const r of dns?.records ?? []) {
      expect(r.type).toBe('TXT');
      if (r.name !== '@') expect(r.value).toMatch(/^v=DKIM1; k=rsa; p=MIIBIjAN[A-Za-z0-9+/]+=*$/);
    }
    expect(dns?.records?.[0]?.value).toMatch(/^v=spf1 include:mailbox\.org /);
  });

  it("onOffice: the German steps use onOffice's own German menu names", () => {
    const de = createI18n('de').getFixedT('de', 'providers');
    const text = guidanceFor(provider('onoffice'))
      .flatMap((g) => g.stepKeys.map((k) => de(k)))
      .join(' ');
    expect(text).toContain('Extras >> Einstellungen >> Grundeinstellungen');
    expect(text).toContain('Passwort anzeigen');
  });

  it('Runbox: username forms, app password, validated From addresses and the ports', () => {
    expect(guidanceFor(provider('runbox')).map((g) => g.code)).toEqual(
      expect.arrayContaining(['username-form', 'app-password', 'sender-rule', 'smtp-ports']),
    );
  });
});

describe('guidanceFor ordering', () => {
  const codes = (id: string, reason?: (typeof VERIFY_REASONS)[number]) =>
    guidanceFor(provider(id), { reason }).map((g) => g.code);

  it('puts the app password first when 2FA forces one and the login failed', () => {
    expect(codes('mailbox-org', 'wrong-credentials')[0]).toBe('app-password');
    expect(codes('mailbox-org', 'app-password-required')[0]).toBe('app-password');
    // Gmail: what Thunderbird will do (sign in on Google's page) comes before the app password.
    expect(codes('gmail', 'wrong-credentials').slice(0, 2)).toEqual([
      'oauth2-sign-in',
      'app-password',
    ]);
    expect(codes('icloud', 'wrong-credentials')[0]).toBe('app-password');
  });

  it('keeps the before-login notes first when nothing failed', () => {
    expect(codes('mailbox-org')[0]).toBe('username-form');
    expect(codes('gmx')[0]).toBe('enable-imap');
    expect(codes('outlook')[0]).toBe('oauth-only');
  });

  it('answers a failure with the matching guide', () => {
    expect(codes('gmx', 'service-disabled')[0]).toBe('enable-imap');
    expect(codes('runbox', 'username-format')[0]).toBe('username-form');
    expect(codes('runbox', 'sender-rejected')[0]).toBe('sender-rule');
    expect(codes('onoffice', 'wrong-credentials')[0]).toBe('mailbox-password');
    expect(codes('microsoft-365', 'oauth-only')[0]).toBe('oauth-only');
  });

  it('always says first that Tuta has no IMAP', () => {
    for (const reason of [undefined, ...VERIFY_REASONS])
      expect(codes('tuta', reason)[0]).toBe('no-imap');
  });

  it('always includes every guide, whatever the reason', () => {
    for (const p of PROVIDERS) {
      for (const reason of [undefined, ...VERIFY_REASONS]) {
        const got = guidanceFor(p, { reason })
          .map((g) => g.titleKey)
          .sort();
        expect(got).toEqual(p.guides.map((g) => g.titleKey).sort());
      }
    }
  });

  it('passes the brand name as a parameter', () => {
    for (const g of guidanceFor(provider('strato')))
      expect(g.params).toEqual({ provider: 'STRATO' });
  });

  it('falls back to generic guidance for an unknown provider', () => {
    expect(guidanceFor(undefined, { reason: 'app-password-required' })[0]?.code).toBe(
      'app-password',
    );
    expect(genericGuidance({ reason: 'service-disabled' })[0]?.code).toBe('enable-imap');
    expect(genericGuidance().every((g) => g.provider === 'generic')).toBe(true);
  });
});
