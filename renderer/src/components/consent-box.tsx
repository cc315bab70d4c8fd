/** The explicit confirmation before a password goes to a host without full protection: a real
 * checkbox in a fieldset, worded for the exact reason (plaintext, certificate, untrusted source). */
import { useTranslation } from 'react-i18next';
import type { ConsentReason } from '../store/security.ts';
import { useApp } from '../store/context.tsx';
import type { Finding } from '../../../shared/model.ts';
import { CheckRow } from './check-row.tsx';
import { findingParams } from './finding-list.tsx';
import { useCodeText } from './use-text.ts';

interface ConsentBoxProps {
  id: string;
  host: string;
  reason: ConsentReason;
  /** The certificate finding when the reason is `cert`. */
  problem: Finding | null;
}

export function ConsentBox({ id, host, reason, problem }: ConsentBoxProps) {
  const { t } = useTranslation();
  const codeText = useCodeText();
  const consents = useApp((s) => s.settings.consents);
  const setConsent = useApp((s) => s.setConsent);
  const checked = consents.includes(host);
  const problemText = problem
    ? codeText(['findings'], problem.code, findingParams(problem)).title
    : '';
  return (
    <fieldset className={checked ? 'consent consent-given' : 'consent'} data-testid="consent">
      <legend>{t('wizard:consent.legend')}</legend>
      <p className="consent-risk">
        {t(`wizard:consent.risk-${reason}`, { host, problem: problemText })}
      </p>
      <CheckRow
        id={id}
        checked={checked}
        onChange={(value) => setConsent(host, value)}
        label={t(`wizard:consent.confirm-${reason}`, { host })}
      />
    </fieldset>
  );
}
