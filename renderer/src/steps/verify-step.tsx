/** Step 5: testing the login. Live results for incoming and outgoing mail, the reason and what to
 * do on failure, retry with only the password editable, and the keychain outcome. */
import { type FormEvent } from 'react';
import { CONSENT_LIFTS, LOGIN_REFUSALS } from '../../../shared/codes.ts';
import { useTranslation } from 'react-i18next';
import { CheckRow } from '../components/check-row.tsx';
import { AcceptedRisks, ConsentBox } from '../components/consent-box.tsx';
import { ReportButton } from '../components/report-button.tsx';
import { GuidancePanel } from '../components/guidance-panel.tsx';
import { LoginResult } from '../components/login-result.tsx';
import { StepHeading } from '../components/step-heading.tsx';
import { StepNav } from '../components/step-nav.tsx';
import { useCodeText } from '../components/use-text.ts';
import { useApp } from '../store/context.tsx';
import { providerOf } from '../store/provider.ts';
import { effectiveReport } from '../store/manual-check-slice.ts';
import { acceptedRisks, badgeOf } from '../store/endpoint-risk.ts';
import { loginsOk } from '../store/verify-slice.ts';

export function VerifyStep() {
  const { t } = useTranslation();
  const codeText = useCodeText();
  const verify = useApp((s) => s.verify);
  const settings = useApp((s) => s.settings);
  const password = useApp((s) => s.password);
  const keychain = useApp((s) => s.keychain);
  const remember = useApp((s) => s.remember);
  const setPassword = useApp((s) => s.setPassword);
  const setRemember = useApp((s) => s.setRemember);
  const startVerify = useApp((s) => s.startVerify);
  const goTo = useApp((s) => s.goTo);
  const provider = useApp(providerOf);
  const report = useApp(effectiveReport);
  const address = useApp((s) => s.parsed?.address ?? '');
  const { incoming, outgoing } = settings;
  if (!incoming || !outgoing) return null;
  const ok = loginsOk(verify);
  const accepted = acceptedRisks([incoming, outgoing], report, settings.consents);
  const running = verify.status === 'running';
  const failures = [verify.incoming, verify.outgoing].flatMap((row) =>
    row.result && !row.result.ok ? [row.result.reason] : [],
  );
  const guidanceReason = failures.find((r) => LOGIN_REFUSALS.has(r));
  // A login that works without encryption still deserves a reminder of what that means.
  const unencrypted = [
    ...new Set(
      [incoming, outgoing]
        .filter((endpoint) => badgeOf(endpoint.security) === 'unencrypted')
        .map((endpoint) => endpoint.host),
    ),
  ];
  const sides = [
    { endpoint: incoming, row: verify.incoming },
    { endpoint: outgoing, row: verify.outgoing },
  ];
  const consentHosts = [
    ...new Set(
      sides.flatMap(({ endpoint, row }) =>
        row.result && !row.result.ok && CONSENT_LIFTS.has(row.result.reason) ? [endpoint.host] : [],
      ),
    ),
  ];

  const onRetry = (event: FormEvent) => {
    event.preventDefault();
    if (password) void startVerify();
  };
  const failed = (verify.status === 'done' || verify.status === 'error') && !ok;
  const firstFailure = sides.find(({ row }) => row.result && !row.result.ok);
  const failureText =
    firstFailure?.row.result && !firstFailure.row.result.ok
      ? codeText(['verify'], firstFailure.row.result.reason)
      : null;

  return (
    <div className="step">
      <StepHeading>{t('wizard:steps.verify.title')}</StepHeading>
      {running && <p className="intro">{t('wizard:verify.intro')}</p>}
      {ok && (
        <p className="ok-text big" data-testid="verify-ok">
          {t('wizard:verify.all-ok')}
        </p>
      )}
      {ok && incoming.username.toLowerCase() !== address.toLowerCase() && (
        <p data-testid="verify-username">
          {t('wizard:verify.username-is', { username: incoming.username })}
        </p>
      )}
      {ok && unencrypted.length > 0 && (
        <p className="warn-text" data-testid="verify-unencrypted">
          {t('wizard:verify.ok-unencrypted', { hosts: unencrypted.join(', ') })}
        </p>
      )}
      {ok && <AcceptedRisks risks={accepted.filter((r) => r.reason === 'cert')} />}
      {verify.status === 'error' && (
        <p className="error-text" role="alert">
          {t('wizard:verify.failed')}{' '}
          {codeText(['ipc', 'wizard:errors'], verify.errorCode ?? 'unknown').title}
        </p>
      )}
      {/* After a failure: the reason and the field to try again with come first. */}
      {failed && failureText && (
        <div className="first-failure" data-testid="first-failure">
          <p className="reason">
            <strong>{failureText.title}</strong>
          </p>
          {failureText.hint && <p>{failureText.hint}</p>}
        </div>
      )}
      {consentHosts.map((host) => (
        <ConsentBox
          key={host}
          id={`consent-verify-${host}`}
          risk={{ host, reason: 'cert', problem: null }}
        />
      ))}
      {failed && (
        <form className="retry" onSubmit={onRetry} noValidate>
          <div className="field">
            <label htmlFor="retry-password">{t('wizard:password.label')}</label>
            <p className="hint" id="retry-hint">
              {t('wizard:verify.retry-hint')}
            </p>
            <input
              id="retry-password"
              aria-describedby="retry-hint"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <div className="actions">
            <button type="submit" className="primary" aria-disabled={!password}>
              {t('common:retry')}
            </button>
            <button type="button" className="link-button" onClick={() => goTo('export')}>
              {t('wizard:verify.skip')}
            </button>
          </div>
        </form>
      )}
      {/* How to fix it: the provider's steps, then each login's result with the server's words. */}
      {guidanceReason && <GuidancePanel provider={provider} reason={guidanceReason} />}
      <div className="cards">
        {sides.map(({ endpoint, row }, index) => (
          <LoginResult
            key={index}
            side={index === 0 ? 'incoming' : 'outgoing'}
            row={row}
            endpoint={endpoint}
            saidAbove={
              firstFailure?.row.result && !firstFailure.row.result.ok
                ? firstFailure.row.result.reason
                : undefined
            }
          />
        ))}
      </div>
      {ok && (
        <CheckRow
          id="remember-after"
          checked={remember}
          onChange={setRemember}
          label={t('wizard:password.remember')}
        />
      )}
      {keychain.status !== 'idle' && (
        <p className={keychain.status === 'error' ? 'warn-text' : 'muted'} data-testid="keychain">
          {keychain.status === 'saving' && t('wizard:verify.keychain-saving')}
          {keychain.status === 'saved' && t('verify:keychain.saved')}
          {keychain.status === 'deleted' && t('verify:keychain.deleted')}
          {keychain.status === 'error' &&
            codeText(['verify:keychain', 'ipc', 'wizard:errors'], keychain.code ?? 'keychain-error')
              .title}
        </p>
      )}
      {!ok && <ReportButton />}
      <StepNav
        canNext={ok}
        blockedKey={running ? 'wizard:verify.wait' : failed ? null : 'wizard:verify.blocked'}
      />
    </div>
  );
}
