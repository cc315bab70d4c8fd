/** Time a row took or has been running; rows running longer than SLOW_MS are marked as slow. */
import { useTranslation } from 'react-i18next';

export const SLOW_MS = 3000;

export function Elapsed({ ms }: { ms: number }) {
  const { t, i18n } = useTranslation();
  const seconds = new Intl.NumberFormat(i18n.language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(ms / 1000);
  const text =
    ms < 1000
      ? t('common:duration.ms', { count: Math.max(0, Math.round(ms)) })
      : t('common:duration.s', { value: seconds });
  return (
    <span className={ms >= SLOW_MS ? 'elapsed slow' : 'elapsed'}>
      {text}
      {ms >= SLOW_MS && <span className="slow-tag"> {t('wizard:discovery.slow')}</span>}
    </span>
  );
}
