/** The header: app name, the language switch (en/de) and the helpdesk switch, always visible. */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/i18n/index.ts';
import { useApp } from '../store/context.tsx';

export function HeaderBar({ onLanguage }: { onLanguage: (language: Language) => void }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const helpdesk = useApp((s) => s.helpdesk);
  const setHelpdesk = useApp((s) => s.setHelpdesk);
  return (
    <header className="header">
      <p className="app-name">{t('wizard:app.title')}</p>
      <div className="header-controls">
        <div role="group" aria-label={t('wizard:header.language')} className="segmented">
          {LANGUAGES.map((lng) => (
            <button
              key={lng}
              type="button"
              lang={lng}
              aria-pressed={language === lng}
              onClick={() => onLanguage(lng)}
            >
              {t(`common:languages.${lng}`)}
            </button>
          ))}
        </div>
        <button
          type="button"
          role="switch"
          aria-checked={helpdesk}
          className="switch"
          data-testid="helpdesk-switch"
          onClick={() => setHelpdesk(!helpdesk)}
        >
          <span className="switch-track" aria-hidden="true">
            <span className="switch-thumb" />
          </span>
          {t('wizard:header.helpdesk')}
        </button>
      </div>
    </header>
  );
}
