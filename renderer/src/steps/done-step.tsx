/** The end: what was set up where, the one next step, a risk the person accepted (with what to
 * do about it), and "Set up another address". */
import { useTranslation } from 'react-i18next';
import { AcceptedRisks } from '../components/consent-box.tsx';
import { StepHeading } from '../components/step-heading.tsx';
import { useApp } from '../store/context.tsx';
import { effectiveReport } from '../store/manual-check-slice.ts';
import { acceptedRisks } from '../store/endpoint-risk.ts';

export function DoneStep() {
  const { t } = useTranslation();
  const finished = useApp((s) => s.finished);
  const address = useApp((s) => s.parsed?.display ?? '');
  const settings = useApp((s) => s.settings);
  const report = useApp(effectiveReport);
  const restart = useApp((s) => s.restart);
  const back = useApp((s) => s.back);
  if (!finished) return null;
  const { incoming, outgoing } = settings;
  const risks =
    incoming && outgoing ? acceptedRisks([incoming, outgoing], report, settings.consents) : [];
  const fileBased = finished.how === 'saved' || finished.how === 'printed';
  const file = finished.paths.map((p) => p.split(/[\\/]/).pop() ?? p).join(', ');
  return (
    <div className="step">
      <StepHeading>{t('wizard:steps.done.title')}</StepHeading>
      <p className="done-summary ok-text" data-testid="done-summary">
        {fileBased
          ? t(`wizard:done.summary.${finished.program}`, { address, file })
          : t(`wizard:done.summary-${finished.how}`, { address, profile: finished.profile ?? '' })}
      </p>
      <p data-testid="done-next">
        <strong>{t('wizard:done.next-label')}</strong>{' '}
        {fileBased
          ? t(`wizard:done.next.${finished.program}`)
          : t(`wizard:done.next-${finished.how}`)}
      </p>
      <AcceptedRisks risks={risks} />
      <div className="step-nav">
        <button type="button" className="secondary" onClick={() => back()}>
          {t('common:back')}
        </button>
        <button type="button" className="primary" onClick={() => restart()}>
          {t('wizard:export.restart')}
        </button>
      </div>
    </div>
  );
}
