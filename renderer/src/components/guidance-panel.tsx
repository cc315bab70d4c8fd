/**
 * Provider guidance in the person's words: what two-step verification is, whether this provider
 * needs an app password, what must be switched on first, and the provider's own steps with a
 * button that opens its help page. Without a known provider, the general explanation remains.
 */
import { useTranslation } from 'react-i18next';
import type { VerifyReason } from '../../../shared/codes.ts';
import { guidanceFor } from '../../../shared/providers/guidance.ts';
import type { Provider } from '../../../shared/providers/index.ts';
import { useApp } from '../store/context.tsx';
import { useCodeText } from './use-text.ts';

/** Provider keys are stored without their namespace. */
function providerKey(key: string): string {
  return key.includes(':') ? key : `providers:${key}`;
}

export function GuidancePanel({
  provider,
  reason,
  headingLevel = 2,
}: {
  provider: Provider | null;
  /** The login failure the guidance should address first, if any. */
  reason?: VerifyReason;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const openHelp = useApp((s) => s.openHelp);
  const helpError = useApp((s) => s.helpError);
  const codeText = useCodeText();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  const name = provider?.name ?? '';
  const guides = guidanceFor(provider ?? undefined, reason ? { reason } : {});
  const services = provider?.auth.servicesMustBeEnabled?.map((p) => p.toUpperCase()).join(', ');
  // Before a first attempt at an unknown provider, the general troubleshooting is folded away:
  // the explanation above is what the person needs to read first.
  const foldGuides = !provider && !reason;
  const guideList = guides.map((guide) => (
    <div
      key={`${guide.code}-${guide.titleKey}`}
      className="guide"
      data-testid={`guide-${guide.code}`}
    >
      <Sub>{t(providerKey(guide.titleKey))}</Sub>
      {guide.stepKeys.length > 0 && (
        <ol>
          {guide.stepKeys.map((key) => (
            <li key={key}>{t(providerKey(key))}</li>
          ))}
        </ol>
      )}
      {guide.url && (
        <button type="button" className="secondary" onClick={() => void openHelp(guide.url ?? '')}>
          {t('wizard:password.open-help', { provider: name })}
          <span className="visually-hidden"> ({t(providerKey(guide.titleKey), guide.params)})</span>
        </button>
      )}
    </div>
  ));
  return (
    <section className="guidance" aria-labelledby="guidance-heading" data-testid="guidance">
      <Heading id="guidance-heading">{t('wizard:password.twofa-title')}</Heading>
      <p>{t('wizard:password.twofa-what')}</p>
      <p>{t('wizard:password.app-password-what')}</p>
      {provider ? (
        <p className="provider-rule" data-testid="provider-rule">
          <strong>
            {t(`wizard:password.app-password-${provider.auth.appPassword}`, { provider: name })}
          </strong>
        </p>
      ) : (
        <p>{t('wizard:password.app-password-unknown')}</p>
      )}
      {services && (
        <p className="warn-text">
          {t('wizard:password.enable-first', { provider: name, services })}
        </p>
      )}
      {provider?.notes.map((note) => (
        <p key={note}>{t(providerKey(note))}</p>
      ))}
      {foldGuides ? (
        <details className="guides-folded">
          <summary>{t('wizard:password.more-help')}</summary>
          {guideList}
        </details>
      ) : (
        guideList
      )}
      {helpError && (
        <p className="error-text" role="alert">
          {codeText(['ipc', 'wizard:errors'], helpError).title}
        </p>
      )}
    </section>
  );
}
