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
  compact = false,
}: {
  provider: Provider | null;
  /** The login failure the guidance should address first, if any. */
  reason?: VerifyReason;
  headingLevel?: 2 | 3;
  /**
   * Before the password field: only what matters for this provider (its rule, what to switch on
   * first, the button to its app-password page); the explanations and guides are folded.
   */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const openHelp = useApp((s) => s.openHelp);
  /** The provider's page in the person's language where it has one. */
  const urlOf = (guide: { url?: string; localUrls?: { de?: string } }) =>
    (language === 'de' ? guide.localUrls?.de : undefined) ?? guide.url ?? '';
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
        <button type="button" className="secondary" onClick={() => void openHelp(urlOf(guide))}>
          {t('wizard:password.open-help', { provider: name })}
          <span className="visually-hidden"> ({t(providerKey(guide.titleKey), guide.params)})</span>
        </button>
      )}
    </div>
  ));
  // What this provider needs, in one or two sentences: said first in both forms of the panel.
  const rule = (
    <>
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
    </>
  );
  if (compact) {
    const appGuide = guides.find((g) => g.code === 'app-password' && g.url);
    const needsAppPassword =
      provider?.auth.appPassword === 'required' || provider?.auth.appPassword === 'with-2fa';
    return (
      <section
        className="guidance"
        aria-label={t('wizard:password.twofa-title')}
        data-testid="guidance"
      >
        {rule}
        {needsAppPassword && appGuide?.url && (
          <div className="guide" data-testid={`guide-${appGuide.code}`}>
            <button
              type="button"
              className="secondary"
              onClick={() => void openHelp(urlOf(appGuide))}
            >
              {t('wizard:password.open-help', { provider: name })}
              <span className="visually-hidden">
                {' '}
                ({t(providerKey(appGuide.titleKey), appGuide.params)})
              </span>
            </button>
          </div>
        )}
        <details className="guides-folded">
          <summary>{t('wizard:password.more-about')}</summary>
          <p>{t('wizard:password.twofa-what')}</p>
          <p>{t('wizard:password.app-password-what')}</p>
          {provider?.notes.map((note) => (
            <p key={note}>{t(providerKey(note))}</p>
          ))}
          {guideList}
        </details>
        {helpError && (
          <p className="error-text" role="alert">
            {codeText(['ipc', 'wizard:errors'], helpError).title}
          </p>
        )}
      </section>
    );
  }
  return (
    <section className="guidance" aria-labelledby="guidance-heading" data-testid="guidance">
      <Heading id="guidance-heading">{t('wizard:password.twofa-title')}</Heading>
      {rule}
      {provider?.notes.map((note) => (
        <p key={note}>{t(providerKey(note))}</p>
      ))}
      {/* What two-step verification and app passwords are: for whoever asks. */}
      <details className="guides-folded">
        <summary>{t('wizard:password.more-about')}</summary>
        <p>{t('wizard:password.twofa-what')}</p>
        <p>{t('wizard:password.app-password-what')}</p>
      </details>
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
