/**
 * The helpdesk view's "Domain" section: what the domain publishes for its mail (MX, SPF, DKIM,
 * DMARC, MTA-STS, TLS-RPT), each problem in plain words with what to do and the record as found,
 * the records to publish (for PlentyONE shops, where to enter them), and a field to check a DKIM
 * selector the helpdesk knows. Words from the `health` namespace.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthFinding, HealthReport } from '../../../shared/health.ts';
import { healthFix, healthTitle, mentionsPlentyOne } from '../../../shared/health-text.ts';
import { useApp } from '../store/context.tsx';

const ORDER = { error: 0, warning: 1, info: 2 } as const;
const ICONS = { error: '✖', warning: '⚠', info: 'ℹ' } as const;
const SELECTOR = /^[A-Za-z0-9_-]{1,63}(\.[A-Za-z0-9_-]{1,63})*$/;

function Problem({ finding }: { finding: HealthFinding }) {
  const { t } = useTranslation();
  const fix = healthFix(t, finding);
  return (
    <li className={`finding finding-${finding.severity}`} data-code={finding.code}>
      <span aria-hidden="true">{ICONS[finding.severity]} </span>
      <span className="visually-hidden">{t(`wizard:severity.${finding.severity}`)}: </span>
      <span className="muted">{t(`health:checks.${finding.check}`)}: </span>
      <span className="finding-title">{healthTitle(t, finding)}</span>
      {fix && (
        <span className="finding-hint">
          {' '}
          <strong>{t('health:ui.fix')}:</strong> {fix}
        </span>
      )}
      {finding.record !== undefined && (
        <span className="health-record">
          {t('health:ui.as-found')}: <code>{finding.record}</code>
        </span>
      )}
    </li>
  );
}

export function DomainHealth({ report: initial }: { report: HealthReport }) {
  const { t } = useTranslation();
  const rerun = useApp((s) => s.deskHealth);
  const runDeskHealth = useApp((s) => s.runDeskHealth);
  const [selector, setSelector] = useState('');
  const [invalid, setInvalid] = useState(false);
  const report = rerun.report?.domain === initial.domain ? rerun.report : initial;
  const findings = [...report.findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const running = rerun.status === 'running';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = selector.trim();
    const ok = SELECTOR.test(value);
    setInvalid(!ok);
    if (ok && !running) void runDeskHealth(report.domain, [value]);
  };

  return (
    <section aria-labelledby="desk-domain" className="domain-health" data-testid="domain-health">
      <h2 id="desk-domain">{t('health:ui.title')}</h2>
      <p>{t('health:ui.intro', { domain: report.domain })}</p>
      <h3>{t('health:ui.problems')}</h3>
      {findings.length > 0 ? (
        <ul className="findings" data-testid="health-findings">
          {findings.map((f, index) => (
            <Problem key={`${f.code}-${index}`} finding={f} />
          ))}
        </ul>
      ) : (
        <p>{t('health:ui.no-problems')}</p>
      )}
      {report.toPublish.length > 0 && (
        <>
          <h3>{t('health:ui.to-publish')}</h3>
          <p>{t('health:ui.to-publish-intro', { domain: report.domain })}</p>
          <ul className="health-publish" data-testid="health-publish">
            {report.toPublish.map((r) => (
              <li key={`${r.name}-${r.value}`}>
                {r.type} <code>{r.name}</code>: <code>{r.value}</code>
              </li>
            ))}
          </ul>
          {mentionsPlentyOne(report) && (
            <p>{t('health:ui.plentyone', { domain: report.domain })}</p>
          )}
        </>
      )}
      <div className="table-scroll">
        <table data-testid="health-records">
          <caption>{t('health:ui.records')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('health:ui.record-type')}</th>
              <th scope="col">{t('health:ui.record-name')}</th>
              <th scope="col">{t('health:ui.record-value')}</th>
            </tr>
          </thead>
          <tbody>
            {report.records.length === 0 && (
              <tr>
                <td colSpan={3}>{t('health:ui.no-records')}</td>
              </tr>
            )}
            {report.records.map((r, index) => (
              <tr key={`${r.name}-${index}`}>
                <th scope="row">
                  {t(`health:checks.${r.check}`)} <span className="muted">{r.type}</span>
                </th>
                <td className="health-name">{r.name}</td>
                <td className="health-value">
                  <code>{r.value}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="desk-form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="desk-selector">{t('health:ui.selector-label')}</label>
          <input
            id="desk-selector"
            type="text"
            spellCheck={false}
            autoCapitalize="off"
            value={selector}
            aria-invalid={invalid}
            onChange={(e) => setSelector(e.target.value)}
          />
        </div>
        <button type="submit" className="secondary" aria-disabled={running}>
          {t('health:ui.selector-run')}
        </button>
      </form>
      <p className="muted" data-testid="health-status">
        {running && t('health:ui.running', { domain: report.domain })}
        {rerun.status === 'error' && t('health:ui.error')}
        {!running && t('health:ui.queries', { count: report.dnsQueries })}
      </p>
    </section>
  );
}
