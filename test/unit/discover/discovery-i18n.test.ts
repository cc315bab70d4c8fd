import { describe, expect, it } from 'vitest';
import { ADDRESS_ERRORS, SOURCE_ERRORS } from '../../../shared/codes.ts';
import { createI18n, LANGUAGES } from '../../../shared/i18n/index.ts';
import { SOURCE_NAMES as SOURCES } from '../../helpers/fixtures.ts';

describe('address and discovery catalogues', () => {
  for (const language of LANGUAGES) {
    it(`has a sentence for every address error, source error and source name (${language})`, () => {
      const i18n = createI18n(language);
      const keys = [
        ...ADDRESS_ERRORS.map((code) => `address:${code}`),
        ...SOURCE_ERRORS.map((code) => `discovery:${code}`),
        ...SOURCES.map((name) => `discovery:source.${name}`),
      ];
      for (const key of keys) {
        expect(i18n.exists(key), key).toBe(true);
        expect(i18n.t(key)).not.toBe(key.split(':')[1]);
      }
    });
  }

  it('speaks German in German', () => {
    expect(createI18n('de').t('address:missing-at')).toContain('@-Zeichen');
    expect(createI18n('en').t('address:missing-at')).toContain('@ sign');
  });
});
