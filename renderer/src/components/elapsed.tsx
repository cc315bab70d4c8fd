/** Time a row took or has been running; rows running longer than SLOW_MS are marked as slow. */
import { useTranslation } from 'react-i18next';

export const SLOW_MS = 3000;

export function Elapsed({ ms }: { ms: number }) {
  const { t } = useTranslation();
  const seconds = ms / 1000;
  const text =
    ms < 1000
      ? t('common:duration.ms', { count: Math.max(0, Math.round(ms)) })
      : t('common:duration.s', { value: seconds.toFixed(1) });
  return (
    <span className={ms >= SLOW_MS ? 'elapsed slow' : 'elapsed'}>
      {text}
      {ms >= SLOW_MS && <span className="slow-tag"> {t('wizard:discovery.slow')}</span>}
    </span>
  );
}
