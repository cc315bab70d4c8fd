/** Step 3: the recommended settings in plain words with honest security badges; when nothing was
 * found, "Who provides your email?" and the manual form. Typed or picked settings are checked
 * (probed) before anything is said about them; each risk gets one confirmation, worded for it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsentBox } from '../components/consent-box.tsx';
import { EndpointCard } from '../components/endpoint-card.tsx';
import { EndpointForm } from '../components/endpoint-form.tsx';
import { FindingList, useFindingGroups } from '../components/finding-list.tsx';
import { ProviderPicker } from '../components/provider-picker.tsx';
import { ReportButton } from '../components/report-button.tsx';
import { StepHeading } from '../components/step-heading.tsx';
import { StepNav } from '../components/step-nav.tsx';
import { useApp } from '../store/context.tsx';
import { effectiveReport } from '../store/manual-check-slice.ts';
import { findProviderById } from '../../../shared/providers/index.ts';
import { risksOf } from '../store/endpoint-risk.ts';
import { settingsReady, settingsUnchecked } from '../store/steps.ts';

export function ReviewStep() {
  const { t } = useTranslation();
  const settings = useApp((s) => s.settings);
  const report = useApp(effectiveReport);
  const ready = useApp(settingsReady);
  const unchecked = useApp(settingsUnchecked);
  const manualCheck = useApp((s) => s.manualCheck);
  const checkSettings = useApp((s) => s.checkSettings);
  const domain = useApp((s) => s.parsed?.domainUnicode ?? '');
  const findingCount = useFindingGroups(report?.findings ?? []).length;
  const recommended = settings.origin === 'recommended';
  const [nothingFound] = useState(!settings.incoming?.host || !settings.outgoing?.host);
  const [editing, setEditing] = useState(false);
  const { incoming, outgoing } = settings;
  const hasHosts = Boolean(incoming?.host || outgoing?.host);
  const risks = incoming && outgoing ? risksOf([incoming, outgoing], report) : [];
  const checking = manualCheck.status === 'running';
  // A domain whose mail a known provider handles (found by its MX): said in one line.
  const hostedBy = report?.hostedBy;
  const handler =
    hostedBy?.trusted && hostedBy.provider ? findProviderById(hostedBy.provider) : null;

  return (
    <div className="step">
      <StepHeading>{t('wizard:steps.review.title')}</StepHeading>
      <p className="intro">
        {nothingFound
          ? t('wizard:review.intro-manual', { domain })
          : t(recommended ? 'wizard:review.intro' : 'wizard:review.intro-changed')}
      </p>
      {handler && !nothingFound && (
        <p data-testid="handled-by">{t('wizard:review.handled-by', { name: handler.name })}</p>
      )}
      {nothingFound && <ProviderPicker />}
      {hasHosts && (
        <div className="cards">
          {incoming && <EndpointCard side="incoming" endpoint={incoming} report={report} />}
          {outgoing && <EndpointCard side="outgoing" endpoint={outgoing} report={report} />}
        </div>
      )}
      <button
        type="button"
        className="secondary"
        aria-expanded={editing}
        aria-controls="manual-form"
        onClick={() => setEditing(!editing)}
      >
        {t(editing ? 'wizard:review.close-form' : 'wizard:review.open-form')}
      </button>
      <div id="manual-form" hidden={!editing}>
        {editing && incoming && <EndpointForm side="incoming" endpoint={incoming} />}
        {editing && outgoing && <EndpointForm side="outgoing" endpoint={outgoing} />}
      </div>
      {hasHosts && (unchecked || checking) && (
        <div className="ways-forward" data-testid="manual-check">
          <p className="warn-text">{t('wizard:review.unchecked')}</p>
          <button
            type="button"
            className="primary"
            aria-disabled={checking}
            onClick={() => !checking && void checkSettings()}
          >
            {t(checking ? 'wizard:review.checking' : 'wizard:review.check')}
          </button>
        </div>
      )}
      {!unchecked &&
        risks.map((risk) => <ConsentBox key={risk.host} id={`consent-${risk.host}`} risk={risk} />)}
      {report && report.findings.length > 0 && (
        <details className="all-findings">
          <summary>{t('wizard:review.all-findings', { count: findingCount })}</summary>
          <FindingList findings={report.findings} showWhere />
        </details>
      )}
      {/* A server that did not answer: the report for the helpdesk is right there. */}
      <ReportButton
        open={manualCheck.probes.some((p) => p.ports.some((port) => port.status !== 'ok'))}
      />
      <StepNav
        canNext={ready}
        blockedKey={unchecked ? 'wizard:review.blocked-unchecked' : 'wizard:review.blocked'}
      />
    </div>
  );
}
