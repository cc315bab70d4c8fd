/** Helpdesk mode: check a domain (or an address) without a password, see every source, the full
 * probe table and the findings, and copy the ticket report. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toAsciiDomain } from '../../../shared/address.ts';
import { FindingList } from '../components/finding-list.tsx';
import { ProbeTable } from '../components/probe-table.tsx';
import { SecurityBadge } from '../components/security-badge.tsx';
import { SourceTable } from '../components/source-table.tsx';
import { StepHeading } from '../components/step-heading.tsx';
import { useNow } from '../components/use-now.ts';
import { useCodeText } from '../components/use-text.ts';
import { useApp } from '../store/context.tsx';
import { PortTable } from '../components/port-table.tsx';
import { DomainHealth } from '../components/domain-health.tsx';

/** An address to check for what was typed: the address itself, or `postmaster@` a bare domain. */
export function deskAddressOf(input: string): string | null {
  const value = input.trim();
  if (value.includes('@')) return value;
  const domain = toAsciiDomain(value);
  return domain ? `postmaster@${domain}` : null;
}

export function HelpdeskView() {
  const { t } = useTranslation();
  const codeText = useCodeText();
  const desk = useApp((s) => s.deskCheck);
  const startCheck = useApp((s) => s.startCheck);
  const cancelCheck = useApp((s) => s.cancelCheck);
  const copyDeskReport = useApp((s) => s.copyDeskReport);
  const exported = useApp((s) => s.exported);
  const [input, setInput] = useState(desk.target.replace(/^postmaster@/, ''));
  const [invalid, setInvalid] = useState(false);
  const running = desk.status === 'running';
  const now = useNow(running);
  const report = desk.report;
  const sources = (
    <SourceTable rows={desk.sources} now={now} caption={t('wizard:discovery.sources')} />
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const address = deskAddressOf(input);
    setInvalid(address === null);
    if (address) void startCheck('deskCheck', address, true);
  };

  return (
    <div className="step helpdesk">
      <StepHeading>{t('wizard:helpdesk.title')}</StepHeading>
      <p className="intro">{t('wizard:helpdesk.intro')}</p>
      <form className="desk-form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="desk-target">{t('wizard:helpdesk.label')}</label>
          <input
            id="desk-target"
            type="text"
            spellCheck={false}
            autoCapitalize="off"
            value={input}
            aria-invalid={invalid}
            aria-describedby={invalid ? 'desk-error' : undefined}
            onChange={(e) => setInput(e.target.value)}
          />
          {invalid && (
            <p id="desk-error" className="field-error">
              {t('wizard:helpdesk.invalid')}
            </p>
          )}
        </div>
        <button type="submit" className="primary" aria-disabled={running}>
          {t('wizard:helpdesk.run')}
        </button>
        {running && (
          <button type="button" className="secondary" onClick={() => cancelCheck('deskCheck')}>
            {t('common:cancel')}
          </button>
        )}
      </form>
      <p className="progress-line" data-testid="desk-status">
        {running &&
          t('wizard:discovery.running', { count: desk.sources.length + desk.ports.length })}
        {desk.status === 'error' && (
          <span className="error-text">
            {codeText(['ipc', 'wizard:errors'], desk.errorCode ?? 'unknown').title}
          </span>
        )}
        {desk.status === 'done' &&
          t('wizard:helpdesk.done', { target: desk.target.replace(/^postmaster@/, '') })}
      </p>
      {/* While it runs, the live tables; once done, the answer first and where it came from last. */}
      {!report && desk.sources.length > 0 && sources}
      {running && desk.ports.length > 0 && (
        <PortTable rows={desk.ports} now={now} caption={t('wizard:discovery.ports')} />
      )}
      {report && (
        <>
          <section aria-labelledby="desk-recommended" className="card">
            <h2 id="desk-recommended">{t('wizard:helpdesk.recommended')}</h2>
            {(['incoming', 'outgoing'] as const).map((side) => {
              const endpoint = report.recommended[side];
              return (
                <p key={side}>
                  <strong>{t(`wizard:review.${side}`)}:</strong>{' '}
                  {endpoint ? (
                    <>
                      {t(`wizard:review.summary-${side}`, {
                        protocol: endpoint.protocol.toUpperCase(),
                        host: endpoint.host,
                        port: endpoint.port,
                      })}{' '}
                      <SecurityBadge security={endpoint.security} />
                    </>
                  ) : (
                    t('wizard:helpdesk.none')
                  )}
                </p>
              );
            })}
            <div className="actions">
              <button type="button" className="primary" onClick={() => void copyDeskReport()}>
                {t('wizard:helpdesk.copy-report')}
              </button>
              <span className="outcome" data-testid="desk-outcome">
                {exported.status === 'copied' && t('wizard:export.copied')}
                {exported.status === 'error' &&
                  codeText(['ipc', 'wizard:errors'], exported.code ?? 'unknown').title}
              </span>
            </div>
          </section>
          <section aria-labelledby="desk-findings">
            <h2 id="desk-findings">{t('wizard:helpdesk.findings')}</h2>
            {report.findings.length > 0 ? (
              <FindingList findings={report.findings} showWhere />
            ) : (
              <p>{t('wizard:helpdesk.no-findings')}</p>
            )}
          </section>
          {report.health && <DomainHealth report={report.health} />}
          <ProbeTable probes={report.probes} />
          {desk.sources.length > 0 && sources}
        </>
      )}
    </div>
  );
}
