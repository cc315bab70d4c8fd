/**
 * The CLI speaks the person's language: picked from the environment (LC_ALL, LC_MESSAGES, LANG),
 * English otherwise, with sentences from the shared i18n catalogues.
 */
import { createI18n, pickLanguage, type Language } from '../../shared/i18n/index.ts';
import type { CliIo } from './io.ts';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export function languageFromEnv(env: CliIo['env']): Language {
  return pickLanguage(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

export function createTranslate(language: Language): Translate {
  const i18n = createI18n(language);
  return (key, params) => String(i18n.t(key, params as never));
}
