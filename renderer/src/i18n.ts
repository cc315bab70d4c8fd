/**
 * The renderer's i18next instance: every bundled catalogue (shared/i18n), the language the main
 * process reports (the person's choice, else the OS's), English as the fallback. Switching the
 * language also sets `<html lang>` and the window title.
 */
import type { i18n as I18n } from 'i18next';
import { createI18n, pickLanguage, type Language } from '../../shared/i18n/index.ts';

export function createRendererI18n(locale: string | null | undefined): I18n {
  return createI18n(pickLanguage(locale));
}

export function applyLanguage(i18n: I18n, language: Language, doc: Document = document): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  doc.documentElement.lang = language;
  doc.title = i18n.t('wizard:app.title');
}
