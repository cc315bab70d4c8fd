/** Step 1: the email address (validated as typed, with the parser's own error codes) and an
 * optional display name. Enter submits; an invalid address keeps focus in the field. */
import { useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StepHeading } from '../components/step-heading.tsx';
import { StepNav } from '../components/step-nav.tsx';
import { useCodeText } from '../components/use-text.ts';
import { useApp } from '../store/context.tsx';

export function AddressStep() {
  const { t } = useTranslation();
  const codeText = useCodeText();
  const address = useApp((s) => s.address);
  const displayName = useApp((s) => s.displayName);
  const error = useApp((s) => s.addressError);
  const touched = useApp((s) => s.addressTouched);
  const setAddress = useApp((s) => s.setAddress);
  const touchAddress = useApp((s) => s.touchAddress);
  const setDisplayName = useApp((s) => s.setDisplayName);
  const submitAddress = useApp((s) => s.submitAddress);
  const input = useRef<HTMLInputElement>(null);
  const showError = touched && error !== null;
  const problem = error ? codeText(['address'], error) : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!submitAddress()) input.current?.focus();
  };

  return (
    <form className="step" onSubmit={onSubmit} noValidate>
      <StepHeading>{t('wizard:steps.address.title')}</StepHeading>
      <p className="intro">{t('wizard:address.intro')}</p>
      <div className="field">
        <label htmlFor="address">{t('wizard:address.label')}</label>
        <input
          ref={input}
          id="address"
          type="email"
          inputMode="email"
          autoComplete="email"
          spellCheck={false}
          value={address}
          aria-invalid={showError}
          aria-describedby={showError ? 'address-hint address-error' : 'address-hint'}
          onChange={(e) => setAddress(e.target.value)}
          onBlur={() => touchAddress()}
        />
        <p id="address-hint" className="hint">
          {t('wizard:address.hint')}
        </p>
        {showError && problem && (
          <p id="address-error" className="field-error" data-testid="address-error">
            <span aria-hidden="true">⚠ </span>
            {problem.title}
            {problem.hint && <span className="field-error-hint"> {problem.hint}</span>}
          </p>
        )}
        {!error && address && (
          <p className="field-ok" data-testid="address-ok">
            <span aria-hidden="true">✓ </span>
            {t('wizard:address.valid')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="display-name">{t('wizard:address.name-label')}</label>
        <input
          id="display-name"
          type="text"
          autoComplete="name"
          value={displayName}
          aria-describedby="display-name-hint"
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <p id="display-name-hint" className="hint">
          {t('wizard:address.name-hint')}
        </p>
      </div>
      <StepNav showBack={false} submit canNext={!error} nextKey="wizard:address.submit" />
    </form>
  );
}
