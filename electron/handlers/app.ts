/** `app:info` and `app:set-language`: version, platform and the language the app speaks. */
import type { AppInfo } from '../../shared/ipc.ts';
import type { Language } from '../../shared/i18n/index.ts';
import type { Handlers } from '../ipc.ts';
import type { LanguageState } from '../locale.ts';

export interface AppDeps {
  version: string;
  platform: string;
  language: LanguageState;
  /** Rebuilds what main shows itself (the menu) in the new language. */
  onLanguageChanged(language: Language): void;
}

export function appHandlers(deps: AppDeps): Pick<Handlers, 'app:info' | 'app:set-language'> {
  const info = (): AppInfo => ({
    version: deps.version,
    platform: deps.platform,
    locale: deps.language.language,
    languageOverride: deps.language.override,
  });
  return {
    'app:info': async () => ({ ok: true, value: info() }),
    'app:set-language': async ({ language }) => {
      try {
        await deps.language.setOverride(language);
      } catch (error) {
        return {
          ok: false,
          code: 'write-failed',
          detail: (error as NodeJS.ErrnoException).code ?? 'unknown',
        };
      }
      deps.onLanguageChanged(deps.language.language);
      return { ok: true, value: info() };
    },
  };
}
