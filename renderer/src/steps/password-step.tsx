/** Step 4: the password, with the provider's guidance on two-step verification and app passwords
 * first, the user name the login will use, and the keychain option. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckRow } from '../components/check-row.tsx';
import { GuidancePanel } from '../components/guidance-panel.tsx';
import { StepHeading } from '../components/step-heading.tsx';
import { StepNav } from '../components/step-nav.tsx';
import { useApp } from '../store/context.tsx';
import { providerOf } from '../store/provider.ts';

export function PasswordStep() {
  const { t } = useTranslation();
  const address = useApp((s) => s.parsed?.display ?? '');
  const username = useApp((s) => s.settings.incoming?.username ?? '');
  const password = useApp((s) => s.password);
  const remember = useApp((s) => s.remember);
  const fromKeychain = useApp((s) => s.fromKeychain);
  const setPassword = useApp((s) => s.setPassword);
  const setRemember = useApp((s) => s.setRemember);
  const next = useApp((s) => s.next);
  const provider = useApp(providerOf);
  const [show, setShow] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    next();
  };

  return (
    <form className="step" onSubmit={onSubmit} noValidate>
      <StepHeading>{t('wizard:steps.password.title')}</StepHeading>
      <p className="intro">{t('wizard:password.intro', { address })}</p>
      <GuidancePanel provider={provider} compact />
      <div className="field">
        <label htmlFor="password">{t('wizard:password.label')}</label>
        <input
          id="password"
          type={show ? 'text' : 'password'}
          autoComplete="current-password"
          spellCheck={false}
          value={password}
          aria-describedby="password-hint"
          onChange={(e) => setPassword(e.target.value)}
        />
        <p id="password-hint" className="hint">
          {t('wizard:password.username-note', { username })}
        </p>
        {fromKeychain && (
          <p className="field-ok" data-testid="from-keychain">
            {t('wizard:password.from-keychain')}
          </p>
        )}
      </div>
      <CheckRow
        id="show-password"
        checked={show}
        onChange={setShow}
        label={t('wizard:password.show')}
      />
      <CheckRow
        id="remember"
        checked={remember}
        onChange={setRemember}
        label={t('wizard:password.remember')}
      />
      <StepNav
        submit
        canNext={password.length > 0}
        nextKey="wizard:password.submit"
        blockedKey="wizard:password.blocked"
      />
    </form>
  );
}
