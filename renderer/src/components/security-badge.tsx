/** The connection-security badge: encrypted / encrypted after STARTTLS / NOT encrypted. Text and
 * an icon carry the meaning, never colour alone. */
import { useTranslation } from 'react-i18next';
import type { Security } from '../../../shared/model.ts';
import { badgeOf } from '../store/security.ts';

// Symbols every system font has (DejaVu, Segoe UI Symbol, Apple Symbols); no emoji font needed.
const ICONS = { encrypted: '✔', starttls: '✔', unencrypted: '⚠' } as const;

export function SecurityBadge({
  security,
  explain = false,
}: {
  security: Security;
  explain?: boolean;
}) {
  const { t } = useTranslation();
  const badge = badgeOf(security);
  return (
    <span className="badge-wrap">
      <span className={`badge badge-${badge}`} data-testid="security-badge">
        <span aria-hidden="true">{ICONS[badge]} </span>
        {t(`wizard:badge.${badge}`)}
      </span>
      {explain && <span className="badge-explain">{t(`wizard:badge.explain.${badge}`)}</span>}
    </span>
  );
}
