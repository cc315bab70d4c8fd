/** One row per discovery source: where we look, what came back, how long it took (live). */
import { useTranslation } from 'react-i18next';
import type { SourceRow } from '../store/check-progress.ts';
import { Elapsed } from './elapsed.tsx';
import { useCodeText } from './use-text.ts';

export function SourceTable({
  rows,
  now,
  caption,
}: {
  rows: SourceRow[];
  now: number;
  caption: string;
}) {
  const { t } = useTranslation();
  const codeText = useCodeText();
  return (
    <table className="live-table" data-testid="source-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('wizard:discovery.col-source')}</th>
          <th scope="col">{t('wizard:discovery.col-status')}</th>
          <th scope="col">{t('wizard:discovery.col-time')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.source}|${row.url ?? ''}`} className={`row-${row.status}`}>
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
              <span className={`status status-${row.status}`}>
                {t(`wizard:discovery.source-status.${row.status}`)}
              </span>
              {row.error && (
                <span className="status-detail"> {codeText(['discovery'], row.error).title}</span>
              )}
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
