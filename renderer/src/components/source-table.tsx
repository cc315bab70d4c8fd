/** One row per discovery source: where we look, what came back, how long it took (live). */
import { useTranslation } from 'react-i18next';
import type { SourceRow } from '../store/check-progress.ts';
import { LiveTable, StatusText } from './live-table.tsx';
import { useCodeText } from './use-text.ts';

/** A source stopped because one with higher priority answered first: not asked, not empty. */
function skipped(row: SourceRow): boolean {
  return row.status === 'none' && row.error === 'cancelled';
}

export function SourceTable({
  rows,
  now,
  caption,
  showTime = true,
}: {
  rows: SourceRow[];
  now: number;
  caption: string;
  showTime?: boolean;
}) {
  const { t } = useTranslation();
  const codeText = useCodeText();
  // A source that failed while another one answered is no problem: not shown as one.
  const anyFound = rows.some((row) => row.status === 'found');
  return (
    <LiveTable
      showTime={showTime}
      testId="source-table"
      caption={caption}
      headings={['wizard:discovery.col-source', 'wizard:discovery.col-status']}
      rows={rows}
      rowKey={(row) => `${row.source}|${row.url ?? ''}`}
      now={now}
      cells={(row) => (
        <>
          <th scope="row">
            {t(`wizard:sources.${row.source}`)}
            {row.url && !row.url.endsWith(':') && (
              <span className="source-url">{row.url.split('?')[0]}</span>
            )}
            {row.trusted === false && row.status === 'found' && (
              <span className="untrusted"> {t('wizard:discovery.untrusted')}</span>
            )}
          </th>
          <td>
            <StatusText
              status={anyFound && row.status === 'error' ? 'none' : row.status}
              label={t(`wizard:discovery.source-status.${skipped(row) ? 'skipped' : row.status}`)}
            />
            {row.error && (
              <span className="status-detail"> {codeText(['discovery'], row.error).title}</span>
            )}
          </td>
        </>
      )}
    />
  );
}
