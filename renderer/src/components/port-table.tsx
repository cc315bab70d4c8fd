/** One row per probed port of every candidate host, as the engine reports them (live). */
import { useTranslation } from 'react-i18next';
import type { PortRow } from '../store/check-progress.ts';
import { LiveTable, StatusText } from './live-table.tsx';

export function PortTable({
  rows,
  now,
  caption,
  showTime = true,
}: {
  rows: PortRow[];
  now: number;
  caption: string;
  showTime?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <LiveTable
      showTime={showTime}
      testId="port-table"
      caption={caption}
      headings={[
        'wizard:discovery.col-host',
        'wizard:discovery.col-port',
        'wizard:discovery.col-status',
      ]}
      rows={rows}
      rowKey={(row) => `${row.host}:${row.port}`}
      now={now}
      cells={(row) => (
        <>
          <th scope="row">{row.host}</th>
          <td>
            {row.port}
            {row.protocol && <span className="muted"> {row.protocol.toUpperCase()}</span>}
          </td>
          <td>
            <StatusText status={row.status} label={t(`wizard:port-status.${row.status}`)} />
          </td>
        </>
      )}
    />
  );
}
