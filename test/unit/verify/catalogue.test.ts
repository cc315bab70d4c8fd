import { describe, expect, it } from 'vitest';
import { VERIFY_REASONS } from '../../../shared/codes.ts';
import { createI18n } from '../../../shared/i18n/index.ts';

describe('verify catalogue', () => {
  for (const lng of ['en', 'de'] as const) {
    it(`has a title and a hint for every reason and keychain code in ${lng}`, () => {
      const i18n = createI18n(lng);
      for (const reason of VERIFY_REASONS) {
        for (const part of ['title', 'hint']) {
          const key = `verify:${reason}.${part}`;
          expect(i18n.exists(key), key).toBe(true);
        }
      }
      for (const code of ['keychain-unavailable', 'keychain-error']) {
        expect(i18n.exists(`verify:keychain.${code}.title`)).toBe(true);
      }
      expect(i18n.t('verify:result.ok', { username: 'bob' })).toContain('bob');
    });
  }
});
