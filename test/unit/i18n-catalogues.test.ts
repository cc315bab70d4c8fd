import { describe, expect, it } from 'vitest';
import { catalogues } from '../../shared/i18n/catalogues.ts';
import { createI18n, pickLanguage } from '../../shared/i18n/index.ts';

/** Every key path of a nested catalogue, as `a.b.c`. */
function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('i18n catalogues', () => {
  const languages = Object.keys(catalogues) as Array<keyof typeof catalogues>;

  it('has the same namespaces in every language', () => {
    const en = Object.keys(catalogues.en).sort();
    for (const lng of languages) expect(Object.keys(catalogues[lng]).sort()).toEqual(en);
  });

  for (const ns of Object.keys(catalogues.en) as Array<keyof typeof catalogues.en>) {
    it(`namespace '${ns}' has the same keys in every language and no empty sentence`, () => {
      const en = keysOf(catalogues.en[ns]).sort();
      for (const lng of languages) {
        const keys = keysOf(catalogues[lng][ns]).sort();
        expect(keys, `${lng}/${ns}`).toEqual(en);
        for (const key of keys) {
          const text = key
            .split('.')
            .reduce<unknown>(
              (node, part) => (node as Record<string, unknown>)[part],
              catalogues[lng][ns],
            );
          if (key) expect(String(text).trim(), `${lng}/${ns}:${key}`).not.toBe('');
        }
      }
    });
  }

  it('picks a supported language from an OS locale and falls back to English', () => {
    expect(pickLanguage('de-AT')).toBe('de');
    expect(pickLanguage('de_DE.UTF-8')).toBe('de');
    expect(pickLanguage('en-GB')).toBe('en');
    expect(pickLanguage('fr-FR')).toBe('en');
    expect(pickLanguage(undefined)).toBe('en');
  });

  it('creates independent instances per language', () => {
    const de = createI18n('de');
    const en = createI18n('en');
    expect(de.language).toBe('de');
    expect(en.language).toBe('en');
  });
});
