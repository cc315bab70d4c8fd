/** Step 2: finding the servers. One sentence of progress and then the result; the live source
 * and port tables are behind "Show details" (open in helpdesk mode). Stop, nothing found and a
 * failed search all leave the same ways forward: the provider list, the manual form, search again. */
import { useTranslation } from 'react-i18next';
import { PortTable } from '../components/port-table.tsx';
import { ReportButton } from '../components/report-button.tsx';
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
  const helpdesk = useApp((s) => s.helpdesk);
  const startCheck = useApp((s) => s.startCheck);
  const cancelCheck = useApp((s) => s.cancelCheck);
  const next = useApp((s) => s.next);
  const running = check.status === 'running';
  const now = useNow(running && helpdesk);
  const recommended = check.report?.recommended;
  const found = Boolean(recommended?.incoming && recommended?.outgoing);
  const domain = parsed?.domainUnicode ?? '';
  const stuck = !running && !found;

  return (
    <div className="step">
      <StepHeading>{t('wizard:steps.discovery.title')}</StepHeading>
      <div className="progress-line" data-testid="discovery-status">
        {running && (
          <>
            <span className="spinner" aria-hidden="true" />
            <span>{t('wizard:discovery.searching', { domain })}</span>
            <button type="button" className="secondary" onClick={() => cancelCheck('check')}>
              {t('wizard:discovery.stop')}
            </button>
          </>
        )}
        {check.status === 'done' && (
          <span className={found ? 'ok-text' : 'warn-text'}>
            {found
              ? t('wizard:discovery.found', { domain })
              : t('wizard:discovery.nothing', { domain })}
          </span>
        )}
        {check.status === 'stopped' && (
          <span className="warn-text">{t('wizard:discovery.stopped')}</span>
        )}
        {check.status === 'error' && (
          <span className="error-text" role="alert">
            {t('wizard:discovery.failed')}{' '}
            {codeText(['ipc', 'wizard:errors'], check.errorCode ?? 'unknown').title}
          </span>
        )}
      </div>
      {stuck && check.status !== 'idle' && parsed && (
        <div className="ways-forward" data-testid="ways-forward">
          <button type="button" className="primary" onClick={() => next()}>
            {t('wizard:discovery.choose-provider')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => void startCheck('check', parsed.address, false)}
          >
            {t('wizard:discovery.search-again')}
          </button>
        </div>
      )}
      {(check.sources.length > 0 || check.ports.length > 0) && (
        <details className="discovery-details" open={helpdesk} data-testid="discovery-details">
          <summary>{t('wizard:discovery.show-details')}</summary>
          {check.sources.length > 0 && (
            <SourceTable
              rows={check.sources}
              now={now}
              caption={t('wizard:discovery.sources')}
              showTime={helpdesk}
            />
          )}
          {check.ports.length > 0 && (
            <PortTable
              rows={check.ports}
              now={now}
              caption={t('wizard:discovery.ports')}
              showTime={helpdesk}
            />
          )}
        </details>
      )}
      {!running && <ReportButton open={check.status === 'error'} />}
      {!stuck && (
        <StepNav canNext={!running} blockedKey={running ? 'wizard:discovery.wait' : null} />
      )}
      {stuck && check.status !== 'idle' && <StepNav canNext={false} blockedKey={null} hideNext />}
    </div>
  );
}
