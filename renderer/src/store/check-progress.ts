/**
 * Live rows for "Finding your servers": one row per discovery source and one per probed port,
 * updated from the engine's progress events as they arrive and settled from the final report.
 * Pure functions of (rows, event, now), so the store stays thin and the rules are testable.
 */
import type { PortStatus, Protocol, Security, SourceName } from '../../../shared/model.ts';
import type { CheckReport } from './report-types.ts';

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

type EngineEvent = { type: string } & Record<string, unknown>;

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
/** Events carry their payload either flat or under `result`/`report`. */
function payload(event: EngineEvent): Record<string, unknown> {
  for (const key of ['result', 'report']) {
    const inner = event[key];
    if (typeof inner === 'object' && inner !== null) return { ...event, ...inner };
  }
  return event;
}

/** A source may run at several URLs (autoconfig at two places); a row is one source at one URL. */
function sameSource(a: SourceRow, b: SourceRow): boolean {
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

const SOURCE_OUTCOMES = new Set(['found', 'none', 'error']);

/** Applies one engine progress event. Unknown events leave the rows as they are. */
export function applyCheckEvent(rows: CheckRows, event: EngineEvent, now: number): CheckRows {
  const data = payload(event);
  const source = text(data.source) as SourceName | undefined;
  const host = text(data.host);
  const port = num(data.port);
  switch (event.type) {
    case 'source-start':
      if (!source) return rows;
      return {
        ...rows,
        sources: upsertSource(rows.sources, {
          source,
          status: 'running',
          startedAt: now,
          ...(text(data.url) ? { url: text(data.url) } : {}),
        }),
      };
    case 'source-done': {
      if (!source) return rows;
      const outcome = text(data.outcome) ?? 'none';
      const status = (SOURCE_OUTCOMES.has(outcome) ? outcome : 'none') as SourceRow['status'];
      const url = text(data.url);
      const existing = rows.sources.find((r) => sameSource(r, { source, url } as SourceRow));
      return {
        ...rows,
        sources: upsertSource(rows.sources, {
          source,
          status,
          startedAt: existing?.startedAt ?? now,
          ms: num(data.ms) ?? now - (existing?.startedAt ?? now),
          ...(text(data.url) ? { url: text(data.url) } : {}),
          ...(typeof data.trusted === 'boolean' ? { trusted: data.trusted } : {}),
          ...(text(data.error) ? { error: text(data.error) } : {}),
        }),
      };
    }
    case 'resolved': {
      if (!host) return rows;
      const addresses = Array.isArray(data.addresses)
        ? data.addresses.filter((a): a is string => typeof a === 'string')
        : [];
      return { ...rows, resolved: { ...rows.resolved, [host]: addresses } };
    }
    case 'port-start':
      if (!host || port === undefined) return rows;
      return {
        ...rows,
        ports: upsertPort(rows.ports, {
          host,
          port,
          status: 'running',
          startedAt: now,
          ...(text(data.protocol) ? { protocol: text(data.protocol) as Protocol } : {}),
          ...(text(data.security) ? { security: text(data.security) as Security } : {}),
        }),
      };
    case 'port':
    case 'port-done': {
      if (!host || port === undefined) return rows;
      const existing = rows.ports.find((r) => r.host === host && r.port === port);
      return {
        ...rows,
        ports: upsertPort(rows.ports, {
          host,
          port,
          status: (text(data.status) as PortStatus | undefined) ?? 'closed',
          startedAt: existing?.startedAt ?? now,
          ms: num(data.ms) ?? now - (existing?.startedAt ?? now),
          ...(text(data.protocol) ? { protocol: text(data.protocol) as Protocol } : {}),
          ...(text(data.security) ? { security: text(data.security) as Security } : {}),
          ...(text(data.error) ? { error: text(data.error) } : {}),
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
