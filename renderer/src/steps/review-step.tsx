/** Step 3: the recommended settings in plain words with security badges and problems, a manual
 * form for every value, and the explicit confirmation plaintext or a bad certificate needs. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EndpointCard } from '../components/endpoint-card.tsx';
import { EndpointForm } from '../components/endpoint-form.tsx';
import { FindingList, useFindingGroups } from '../components/finding-list.tsx';
import { StepHeading } from '../components/step-heading.tsx';
import { StepNav } from '../components/step-nav.tsx';
import { useApp } from '../store/context.tsx';
import { settingsReady } from '../store/steps.ts';

export function ReviewStep() {
  const { t } = useTranslation();
  const settings = useApp((s) => s.settings);
  const report = useApp((s) => s.check.report);
  const ready = useApp(settingsReady);
  const findingCount = useFindingGroups(report?.findings ?? []).length;
  const nothingFound = !settings.incoming?.host || !settings.outgoing?.host;
  const [editing, setEditing] = useState(nothingFound);
  const { incoming, outgoing } = settings;

  return (
    <div className="step">
      <StepHeading>{t('wizard:steps.review.title')}</StepHeading>
      <p className="intro">
        {t(nothingFound ? 'wizard:review.intro-manual' : 'wizard:review.intro')}
      </p>
      <div className="cards">
        {incoming && <EndpointCard side="incoming" endpoint={incoming} report={report} />}
        {outgoing && <EndpointCard side="outgoing" endpoint={outgoing} report={report} />}
      </div>
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
      {report && report.findings.length > 0 && (
        <details className="all-findings">
          <summary>{t('wizard:review.all-findings', { count: findingCount })}</summary>
          <FindingList findings={report.findings} showWhere />
        </details>
      )}
      <StepNav canNext={ready} blockedKey="wizard:review.blocked" />
    </div>
  );
}
