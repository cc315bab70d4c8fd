/**
 * The bundled i18n catalogues, shared by the renderer and the CLI. One JSON file per namespace and
 * language; the key sets of every language must match (checked by a unit test).
 */
import i18next, { type i18n as I18n } from 'i18next';
import { catalogues } from './catalogues.ts';

export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_NAMESPACE = 'common';

/** Picks a supported language from a locale string such as `de-AT` or `en_US.UTF-8`. */
export function pickLanguage(locale: string | undefined | null): Language {
  const base = (locale ?? '').toLowerCase().split(/[-_.@]/)[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : 'en';
}

/** A fresh, synchronously initialised i18next instance (no global state). */
export function createI18n(lng: Language): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: 'en',
    resources: catalogues,
    ns: Object.keys(catalogues.en),
    defaultNS: DEFAULT_NAMESPACE,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
