/**
 * Live rows for "Finding your servers": one row per discovery source and one per probed port,
 * updated from the engine's progress events as they arrive and settled from the final report.
 * Pure functions of (rows, event, now), so the store stays thin and the rules are testable.
 */
import type { PortStatus, Protocol, Security, SourceName } from '../../../shared/model.ts';
import type { CheckReport, ProgressEvent } from '../../../shared/reports.ts';

export interface SourceRow {
  source: SourceName;
  status: 'running' | 'found' | 'none' | 'error';
  startedAt: number;
  ms?: number;
  url?: string;
  trusted?: boolean;
  error?: string;
}

export interface PortRow {
  host: string;
  port: number;
  protocol?: Protocol;
  security?: Security;
  status: 'running' | PortStatus;
  startedAt: number;
  ms?: number;
  error?: string;
}

export interface CheckRows {
  sources: SourceRow[];
  ports: PortRow[];
  /** Host names resolved so far, with their addresses. */
  resolved: Record<string, string[]>;
}

export const EMPTY_ROWS: CheckRows = { sources: [], ports: [], resolved: {} };

/** A source may run at several URLs (autoconfig at two places); a row is one source at one URL. */
type SourceKey = Pick<SourceRow, 'source' | 'url'>;
function sameSource(a: SourceKey, b: SourceKey): boolean {
  return a.source === b.source && (a.url === undefined || b.url === undefined || a.url === b.url);
}

function upsertSource(rows: SourceRow[], row: SourceRow): SourceRow[] {
  const index = rows.findIndex((r) => sameSource(r, row));
  if (index < 0) return [...rows, row];
  const copy = rows.slice();
  copy[index] = { ...rows[index], ...row, startedAt: rows[index]!.startedAt };
  return copy;
}

function upsertPort(rows: PortRow[], row: PortRow): PortRow[] {
  const index = rows.findIndex(
    (r) => r.host.toLowerCase() === row.host.toLowerCase() && r.port === row.port,
  );
  if (index < 0) return [...rows, row];
  const copy = rows.slice();
  copy[index] = { ...rows[index], ...row, startedAt: rows[index]!.startedAt };
  return copy;
}

/** Applies one engine progress event. Events that change no row leave the rows as they are. */
export function applyCheckEvent(rows: CheckRows, event: ProgressEvent, now: number): CheckRows {
  switch (event.type) {
    case 'source-start':
      return {
        ...rows,
        sources: upsertSource(rows.sources, {
          source: event.source,
          status: 'running',
          startedAt: now,
          url: event.url,
        }),
      };
    case 'source-done': {
      const { report } = event;
      const existing = rows.sources.find((r) => sameSource(r, report));
      return {
        ...rows,
        sources: upsertSource(rows.sources, {
          source: report.source,
          status: report.outcome,
          startedAt: existing?.startedAt ?? now,
          ms: report.ms,
          url: report.url,
          trusted: report.trusted,
          ...(report.error ? { error: report.error } : {}),
        }),
      };
    }
    case 'resolved':
      return { ...rows, resolved: { ...rows.resolved, [event.host]: event.addresses } };
    case 'port-start':
      return {
        ...rows,
        ports: upsertPort(rows.ports, {
          host: event.host,
          port: event.port,
          status: 'running',
          startedAt: now,
          protocol: event.protocol,
        }),
      };
    case 'port': {
      const { host, result } = event;
      const existing = rows.ports.find((r) => r.host === host && r.port === result.port);
      return {
        ...rows,
        ports: upsertPort(rows.ports, {
          host,
          port: result.port,
          status: result.status,
          startedAt: existing?.startedAt ?? now,
          ms: result.ms,
          protocol: result.protocol,
          security: result.security,
          ...(result.error ? { error: result.error } : {}),
        }),
      };
    }
    default:
      return rows;
  }
}

/** The rows as the final report has them: every source and every probed port, none running. */
export function rowsFromReport(rows: CheckRows, report: CheckReport, now: number): CheckRows {
  let sources = rows.sources;
  for (const s of report.sources) {
    sources = upsertSource(sources, {
      source: s.source,
      status: s.outcome,
      startedAt: now - s.ms,
      ms: s.ms,
      url: s.url,
      trusted: s.trusted,
      ...(s.error ? { error: s.error } : {}),
    });
  }
  let ports = rows.ports;
  for (const probe of report.probes) {
    for (const p of probe.ports) {
      ports = upsertPort(ports, {
        host: probe.host,
        port: p.port,
        protocol: p.protocol,
        security: p.security,
        status: p.status,
        startedAt: now - p.ms,
        ms: p.ms,
        ...(p.error ? { error: p.error } : {}),
      });
    }
  }
  // Anything the report does not mention was abandoned (e.g. a lower-priority source cancelled).
  sources = sources.map((r) =>
    r.status === 'running' ? { ...r, status: 'none', ms: now - r.startedAt } : r,
  );
  ports = ports.map((r) =>
    r.status === 'running' ? { ...r, status: 'closed', ms: now - r.startedAt } : r,
  );
  return { ...rows, sources, ports };
}
