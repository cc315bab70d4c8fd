/**
 * Which language the app speaks: the person's explicit choice (kept in the settings file) wins;
 * otherwise the first supported language among the OS's preferred languages; otherwise the
 * application locale Chromium reports; otherwise English.
 */
import { LANGUAGES, pickLanguage, type Language } from '../shared/i18n/index.ts';
import { loadSettings, saveSettings } from './app-settings.ts';

export interface SystemLocale {
  /** `app.getPreferredSystemLanguages()`, e.g. `['de-AT', 'en-US']`. */
  preferred: readonly string[];
  /** `app.getLocale()`, e.g. `de`. */
  appLocale: string;
}

function supported(locale: string): Language | null {
  const base = locale.toLowerCase().split(/[-_.@]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : null;
}

export function systemLanguage(system: SystemLocale): Language {
  for (const locale of system.preferred) {
    const language = supported(locale);
    if (language) return language;
  }
  return pickLanguage(system.appLocale);
}

/** The language setting of the running app, backed by the settings file. */
export class LanguageState {
  #override: Language | null = null;

  constructor(
    private readonly settingsFile: string,
    private readonly system: SystemLocale,
  ) {}

  /** Reads the saved choice, if any. */
  async load(): Promise<void> {
    this.#override = (await loadSettings(this.settingsFile)).language ?? null;
  }

  get override(): Language | null {
    return this.#override;
  }

  get language(): Language {
    return this.#override ?? systemLanguage(this.system);
  }

  /** Saves the person's choice (`null`: follow the OS again). */
  async setOverride(language: Language | null): Promise<void> {
    const settings = await loadSettings(this.settingsFile);
    await saveSettings(this.settingsFile, { ...settings, language });
    this.#override = language;
  }
}
