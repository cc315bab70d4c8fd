/** Step 2: finding the servers. Live rows per source and per port while the check runs, elapsed
 * times that mark what is slow, then a summary; a failure offers retry and the manual form. */
import { useTranslation } from 'react-i18next';
import { PortTable } from '../components/port-table.tsx';
import { SourceTable } from '../components/source-table.tsx';
import { StepHeading } from '../components/step-heading.tsx';
import { StepNav } from '../components/step-nav.tsx';
import { useNow } from '../components/use-now.ts';
import { useCodeText } from '../components/use-text.ts';
import { useApp } from '../store/context.tsx';

export function DiscoveryStep() {
  const { t } = useTranslation();
  const codeText = useCodeText();
  const check = useApp((s) => s.check);
  const parsed = useApp((s) => s.parsed);
  const startCheck = useApp((s) => s.startCheck);
  const cancelCheck = useApp((s) => s.cancelCheck);
  const running = check.status === 'running';
  const now = useNow(running);
  const found = (check.report?.incoming.length ?? 0) + (check.report?.outgoing.length ?? 0);
  const domain = parsed?.domainUnicode ?? '';

  return (
    <div className="step">
      <StepHeading>{t('wizard:steps.discovery.title')}</StepHeading>
      <p className="intro">{t('wizard:discovery.intro', { domain })}</p>
      <div className="progress-line" data-testid="discovery-status">
        {running && (
          <>
            <span className="spinner" aria-hidden="true" />
            <span>
              {t('wizard:discovery.running', { count: check.sources.length + check.ports.length })}
            </span>
            <button type="button" className="link-button" onClick={() => cancelCheck('check')}>
              {t('common:cancel')}
            </button>
          </>
        )}
        {check.status === 'done' && (
          <span className={found > 0 ? 'ok-text' : 'warn-text'}>
            {found > 0
              ? t('wizard:discovery.done', { count: found })
              : t('wizard:discovery.nothing')}
          </span>
        )}
        {check.status === 'error' && (
          <span className="error-text" role="alert">
            {t('wizard:discovery.failed')}{' '}
            {codeText(['ipc', 'wizard:errors'], check.errorCode ?? 'unknown').title}
          </span>
        )}
        {(check.status === 'error' || check.status === 'idle') && parsed && (
          <button
            type="button"
            className="secondary"
            onClick={() => void startCheck('check', parsed.address, false)}
          >
            {t('common:retry')}
          </button>
        )}
      </div>
      {check.sources.length > 0 && (
        <SourceTable rows={check.sources} now={now} caption={t('wizard:discovery.sources')} />
      )}
      {check.ports.length > 0 && (
        <PortTable rows={check.ports} now={now} caption={t('wizard:discovery.ports')} />
      )}
      <StepNav
        canNext={check.status === 'done' || check.status === 'error'}
        blockedKey="wizard:discovery.wait"
      />
    </div>
  );
}
