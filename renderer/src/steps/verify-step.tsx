/** Step 5: testing the login. Live results for incoming and outgoing mail, the reason and what to
 * do on failure, retry with only the password editable, and the keychain outcome. */
import { type FormEvent } from 'react';
import { CONSENT_LIFTS, LOGIN_REFUSALS } from '../../../shared/codes.ts';
import { useTranslation } from 'react-i18next';
import { CheckRow } from '../components/check-row.tsx';
import { ConsentBox } from '../components/consent-box.tsx';
import { GuidancePanel } from '../components/guidance-panel.tsx';
import { LoginResult } from '../components/login-result.tsx';
import { StepHeading } from '../components/step-heading.tsx';
import { StepNav } from '../components/step-nav.tsx';
import { useCodeText } from '../components/use-text.ts';
import { useApp } from '../store/context.tsx';
import { providerOf } from '../store/provider.ts';
import { badgeOf } from '../store/security.ts';
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
  const { incoming, outgoing } = settings;
  if (!incoming || !outgoing) return null;
  const ok = loginsOk(verify);
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

  return (
    <div className="step">
      <StepHeading>{t('wizard:steps.verify.title')}</StepHeading>
      <p className="intro">{t('wizard:verify.intro')}</p>
      <div className="cards">
        <LoginResult side="incoming" row={verify.incoming} endpoint={incoming} />
        <LoginResult side="outgoing" row={verify.outgoing} endpoint={outgoing} />
      </div>
      {verify.status === 'error' && (
        <p className="error-text" role="alert">
          {t('wizard:verify.failed')}{' '}
          {codeText(['ipc', 'wizard:errors'], verify.errorCode ?? 'unknown').title}
        </p>
      )}
      {ok && (
        <p className="ok-text big" data-testid="verify-ok">
          {t('wizard:verify.all-ok')}
        </p>
      )}
      {ok && unencrypted.length > 0 && (
        <p className="warn-text" data-testid="verify-unencrypted">
          {t('wizard:verify.ok-unencrypted', { hosts: unencrypted.join(', ') })}
        </p>
      )}
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
      {consentHosts.map((host) => (
        <ConsentBox
          key={host}
          id={`consent-verify-${host}`}
          host={host}
          reason="cert"
          problem={null}
        />
      ))}
      {/* How to fix it first, then the field to try again with. */}
      {guidanceReason && <GuidancePanel provider={provider} reason={guidanceReason} />}
      {(verify.status === 'done' || verify.status === 'error') && !ok && (
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
          <button type="submit" className="primary" aria-disabled={!password}>
            {t('common:retry')}
          </button>
        </form>
      )}
      {!ok && !running && verify.status !== 'idle' && (
        <button type="button" className="link-button" onClick={() => goTo('export')}>
          {t('wizard:verify.skip')}
        </button>
      )}
      <StepNav canNext={ok} blockedKey={running ? 'wizard:verify.wait' : 'wizard:verify.blocked'} />
    </div>
  );
}
