/** The frame of a live progress table: caption, column headings, one row per item with its
 * status class and, last, the time it took or has been running. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Elapsed } from './elapsed.tsx';

interface LiveRow {
  status: string;
  startedAt: number;
  ms?: number;
}

export function LiveTable<R extends LiveRow>({
  testId,
  caption,
  headings,
  rows,
  rowKey,
  now,
  cells,
  showTime = true,
}: {
  testId: string;
  caption: string;
  /** Catalogue keys of the columns before the time column. */
  headings: string[];
  rows: R[];
  rowKey: (row: R) => string;
  now: number;
  /** The row's cells before the time cell. */
  cells: (row: R) => ReactNode;
  /** The time column (helpdesk); people setting up an account do not need timings. */
  showTime?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <table className="live-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {[...headings, ...(showTime ? ['wizard:discovery.col-time'] : [])].map((key) => (
            <th scope="col" key={key}>
              {t(key)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className={`row-${row.status}`}>
            {cells(row)}
            {showTime && (
              <td>
                <Elapsed ms={row.ms ?? now - row.startedAt} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A status word styled by its status. */
export function StatusText({ status, label }: { status: string; label: string }) {
  return <span className={`status status-${status}`}>{label}</span>;
}
