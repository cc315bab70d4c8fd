/** The explicit confirmation before a password goes to a host without full protection: a real
 * checkbox in a fieldset, worded for the exact risk (plaintext, certificate, untrusted source),
 * with what to do about it before the decision. One box per host and risk. */
import { useTranslation } from 'react-i18next';
import type { Risk } from '../store/endpoint-risk.ts';
import { useApp } from '../store/context.tsx';
import { CheckRow } from './check-row.tsx';
import { findingParams } from './finding-list.tsx';
import { useCodeText } from './use-text.ts';

/** The sentence that says what exactly is wrong with a certificate (empty when unknown). */
export function useProblemText(): (risk: Risk) => string {
  const codeText = useCodeText();
  return (risk) =>
    risk.problem
      ? codeText(['findings'], risk.problem.code, findingParams(risk.problem)).title
      : '';
}

export function ConsentBox({ id, risk }: { id: string; risk: Risk }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const consents = useApp((s) => s.settings.consents);
  const setConsent = useApp((s) => s.setConsent);
  const domain = useApp((s) => s.parsed?.domainUnicode ?? '');
  const { host, reason } = risk;
  const checked = consents.includes(host);
  if (reason === 'hoster') {
    // One question a person can answer: is the company their domain's mail goes to theirs?
    return (
      <fieldset className={checked ? 'consent consent-given' : 'consent'} data-testid="consent">
        <legend>{t('wizard:review.hoster-question', { domain, hoster: host })}</legend>
        <CheckRow
          id={id}
          checked={checked}
          onChange={(value) => setConsent(host, value)}
          label={t('wizard:review.hoster-confirm', { hoster: host })}
        />
      </fieldset>
    );
  }
  return (
    <fieldset className={checked ? 'consent consent-given' : 'consent'} data-testid="consent">
      <legend>{t(`wizard:consent.legend-${reason}`, { host })}</legend>
      <p className="consent-risk">
        {t(`wizard:consent.risk-${reason}`, { host, problem: problemText(risk) })}
      </p>
      <p className="consent-advice">{t(`wizard:consent.advice-${reason}`, { host })}</p>
      <CheckRow
        id={id}
        checked={checked}
        onChange={(value) => setConsent(host, value)}
        label={t(`wizard:consent.confirm-${reason}`, { host })}
      />
    </fieldset>
  );
}

/** The risks the person accepted, with what to do about each: login result, export, done. */
export function AcceptedRisks({ risks }: { risks: Risk[] }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  if (risks.length === 0) return null;
  return (
    <ul className="accepted-risks" data-testid="accepted-risks">
      {risks.map((risk) => (
        <li key={risk.host} className="warn-text">
          <span aria-hidden="true">⚠ </span>
          {t(`wizard:consent.accepted-${risk.reason}`, {
            host: risk.host,
            problem: problemText(risk),
          })}
        </li>
      ))}
    </ul>
  );
}
