/**
 * No missing keys: every `wizard:`/`common:` key the renderer names literally, and every key it
 * builds from a closed set of codes (steps, port states, sources, formats, ...), exists in every
 * language. A key that is missing would show as its own name in the window.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLIENT_FORMATS } from '../../../renderer/src/store/export-slice.ts';
import { STEPS } from '../../../renderer/src/store/steps.ts';
import { LANGUAGES, createI18n } from '../../../shared/i18n/index.ts';
import { SOURCE_NAMES } from '../../helpers/fixtures.ts';
import { PROVIDERS } from '../../../shared/providers/index.ts';
import { PORT_STATUSES } from '../../../shared/model.ts';

const SRC = fileURLToPath(new URL('../../../renderer/src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function literalKeys(): string[] {
  const keys = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/['"`]((?:wizard|common):[\w.-]+)['"`]/g)) {
      // `wizard:errors` is a scope for code lookups, not a sentence.
      if (match[1] !== 'wizard:errors') keys.add(match[1]!);
    }
  }
  return [...keys];
}

const each = <T extends string>(prefix: string, values: readonly T[], suffix = '') =>
  values.map((v) => `${prefix}${v}${suffix}`);

const BUILT_KEYS = [
  ...each('wizard:steps.', STEPS, '.title'),
  ...each('wizard:steps.', STEPS, '.short'),
  ...each('wizard:badge.', ['encrypted', 'starttls', 'unencrypted']),
  ...each('wizard:badge.explain.', ['encrypted', 'starttls', 'unencrypted']),
  ...each('wizard:port-status.', ['running', ...PORT_STATUSES]),
  ...each('wizard:discovery.source-status.', ['running', 'found', 'none', 'error']),
  ...each('wizard:sources.', SOURCE_NAMES),
  ...each('wizard:export.format.', CLIENT_FORMATS),
  ...each('wizard:export.format-hint.', CLIENT_FORMATS),
  ...each('wizard:review.', ['incoming', 'outgoing']),
  ...each('wizard:review.summary-', ['incoming', 'outgoing']),
  ...each('wizard:review.protocol-options.', ['imap', 'pop3']),
  ...each('wizard:review.security-options.', ['tls', 'starttls', 'plain']),
  ...each('wizard:severity.', ['error', 'warning', 'info']),
  ...each('wizard:consent.risk-', ['plain', 'cert', 'untrusted-source']),
  ...each('wizard:consent.confirm-', ['plain', 'cert', 'untrusted-source']),
  ...each('wizard:verify.status.', ['waiting', 'running', 'ok', 'failed']),
  ...each('wizard:password.app-password-', [...new Set(PROVIDERS.map((p) => p.auth.appPassword))]),
  ...each('common:languages.', LANGUAGES),
];

describe('renderer catalogue keys', () => {
  const keys = [...literalKeys(), ...BUILT_KEYS];

  it('finds the literal keys in the source (the scan itself works)', () => {
    expect(literalKeys()).toEqual(expect.arrayContaining(['wizard:address.label', 'common:back']));
  });

  for (const language of LANGUAGES) {
    it(`has every key the renderer uses in '${language}'`, () => {
      const i18n = createI18n(language);
      const missing = keys.filter(
        (key) => !i18n.exists(key, { lng: language, fallbackLng: false, count: 2 }),
      );
      expect(missing).toEqual([]);
    });
  }
});
