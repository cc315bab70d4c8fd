/** The connection-security badge: encrypted / encrypted after STARTTLS / NOT encrypted. Text and
 * an icon carry the meaning, never colour alone. */
import { useTranslation } from 'react-i18next';
import type { Security } from '../../../shared/model.ts';
import { badgeOf, type SecurityBadge as SecurityBadgeKind } from '../store/endpoint-risk.ts';

// Symbols every system font has (DejaVu, Segoe UI Symbol, Apple Symbols); no emoji font needed.
const ICONS = {
  encrypted: '✔',
  starttls: '✔',
  unencrypted: '⚠',
  'cert-problem': '⚠',
  unchecked: '?',
  unreachable: '✖',
} as const;

export function SecurityBadge({
  security,
  badge: given,
  explain = false,
}: {
  security: Security;
  /** The badge as the probes saw it (see endpointBadge); by default from `security` alone. */
  badge?: SecurityBadgeKind;
  explain?: boolean;
}) {
  const { t } = useTranslation();
  const badge = given ?? badgeOf(security);
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
