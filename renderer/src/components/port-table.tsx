/** One row per probed port of every candidate host, as the engine reports them (live). */
import { useTranslation } from 'react-i18next';
import type { PortRow } from '../store/check-progress.ts';
import { Elapsed } from './elapsed.tsx';

export function PortTable({
  rows,
  now,
  caption,
}: {
  rows: PortRow[];
  now: number;
  caption: string;
}) {
  const { t } = useTranslation();
  return (
    <table className="live-table" data-testid="port-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('wizard:discovery.col-host')}</th>
          <th scope="col">{t('wizard:discovery.col-port')}</th>
          <th scope="col">{t('wizard:discovery.col-status')}</th>
          <th scope="col">{t('wizard:discovery.col-time')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.host}:${row.port}`} className={`row-${row.status}`}>
            <th scope="row">{row.host}</th>
            <td>
              {row.port}
              {row.protocol && <span className="muted"> {row.protocol.toUpperCase()}</span>}
            </td>
            <td>
              <span className={`status status-${row.status}`}>
                {t(`wizard:port-status.${row.status}`)}
              </span>
            </td>
            <td>
              <Elapsed ms={row.ms ?? now - row.startedAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
