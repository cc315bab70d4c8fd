/** One login test (incoming or outgoing): live status, and on failure the classified reason in
 * plain words, what to do, and the server's own message behind a "details" toggle. */
import { useTranslation } from 'react-i18next';
import type { Endpoint } from '../../../shared/model.ts';
import type { LoginRow } from '../store/verify-slice.ts';
import type { Side } from '../store/settings-slice.ts';
import { useCodeText } from './use-text.ts';
import { useApp } from '../store/context.tsx';

const ICONS = { waiting: '…', running: '…', ok: '✓', failed: '✗' } as const;

export function LoginResult({
  side,
  row,
  endpoint,
  saidAbove,
}: {
  side: Side;
  row: LoginRow;
  endpoint: Endpoint;
  /** The failure reason whose advice the step already shows above: not repeated here. */
  saidAbove?: string | undefined;
}) {
  const { t } = useTranslation();
  const codeText = useCodeText();
  const address = useApp((s) => s.parsed?.address);
  const result = row.result;
  const failure = result && !result.ok ? result : null;
  const reason = failure ? codeText(['verify'], failure.reason) : null;
  return (
    <section
      className={`card login login-${row.status}`}
      aria-labelledby={`login-${side}`}
      data-testid={`login-${side}`}
    >
      <h2 id={`login-${side}`}>
        {t(`wizard:review.${side}`)} <span className="muted">({endpoint.host})</span>
      </h2>
      <p className={`login-status status-${row.status}`}>
        {row.status === 'running' && <span className="spinner" aria-hidden="true" />}
        <span aria-hidden="true">{ICONS[row.status]} </span>
        {t(`wizard:verify.status.${row.status}`)}
      </p>
      {/* The user name is worth a line only when it is not what the person typed. */}
      {result?.ok && result.username !== address && (
        <p>{t('verify:result.ok', { username: result.username })}</p>
      )}
      {failure && reason && (
        <div className="login-failure">
          <p className="reason" data-testid={`reason-${side}`}>
            <strong>{reason.title}</strong>
          </p>
          {reason.hint && failure.reason !== saidAbove && (
            <p>
              <span className="label">{t('wizard:verify.what-to-do')}</span> {reason.hint}
            </p>
          )}
          {(failure.serverText || failure.attempts) && (
            <details className="server-details">
              <summary>{t('common:details')}</summary>
              {failure.serverText && (
                <>
                  <p>{t('wizard:verify.server-said')}</p>
                  <pre className="server-text">{failure.serverText}</pre>
                </>
              )}
              <p className="muted">
                {t('wizard:verify.code', { code: failure.reason })}
                {failure.attempts
                  ? ` · ${t('wizard:verify.attempts', { count: failure.attempts })}`
                  : ''}
              </p>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
