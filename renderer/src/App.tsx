/** The window: header with the language and helpdesk switches, the step indicator and the
 * current step (or the helpdesk view), and the live region for announcements. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/i18n/index.ts';
import type { MailSetupApi } from '../../shared/ipc.ts';
import { HeaderBar } from './components/header-bar.tsx';
import { LiveRegion } from './components/live-region.tsx';
import { StepList } from './components/step-list.tsx';
import { applyLanguage } from './i18n.ts';
import { useApp } from './store/context.tsx';
import { STEPS, stepNumber, type StepId } from './store/steps.ts';
import { AddressStep } from './steps/address-step.tsx';
import { DiscoveryStep } from './steps/discovery-step.tsx';
import { DoneStep } from './steps/done-step.tsx';
import { ExportStep } from './steps/export-step.tsx';
import { HelpdeskView } from './steps/helpdesk-view.tsx';
import { PasswordStep } from './steps/password-step.tsx';
import { ReviewStep } from './steps/review-step.tsx';
import { VerifyStep } from './steps/verify-step.tsx';

const STEP_VIEWS: Record<StepId, () => React.JSX.Element | null> = {
  address: AddressStep,
  discovery: DiscoveryStep,
  review: ReviewStep,
  password: PasswordStep,
  verify: VerifyStep,
  export: ExportStep,
  done: DoneStep,
};

export function App({ api }: { api: Pick<MailSetupApi, 'setLanguage'> }) {
  const { t, i18n } = useTranslation();
  const language = useApp((s) => s.language);
  const setLanguage = useApp((s) => s.setLanguage);
  const helpdesk = useApp((s) => s.helpdesk);
  const step = useApp((s) => s.step);
  const StepView = STEP_VIEWS[step];

  useEffect(() => {
    applyLanguage(i18n, language);
  }, [i18n, language]);

  // The window title says where the person is ("Step 2 of 6: ..."), as WAI's multi-page forms advise.
  useEffect(() => {
    const where = helpdesk
      ? t('wizard:helpdesk.title')
      : t('wizard:announce.step', {
          number: stepNumber(step),
          total: STEPS.length,
          title: t(`wizard:steps.${step}.title`),
        });
    document.title = `${where} – ${t('wizard:app.title')}`;
  }, [t, step, helpdesk, language]);

  const onLanguage = (next: Language) => {
    setLanguage(next);
    // Main remembers the choice (menus, dialogs); the renderer does not wait for it.
    void api.setLanguage({ language: next }).catch(() => undefined);
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('wizard:header.skip')}
      </a>
      <HeaderBar onLanguage={onLanguage} />
      <div className="layout">
        {!helpdesk && <StepList />}
        <main id="main" className="main" tabIndex={-1}>
          {helpdesk ? <HelpdeskView /> : <StepView key={step} />}
        </main>
      </div>
      <LiveRegion />
    </div>
  );
}
