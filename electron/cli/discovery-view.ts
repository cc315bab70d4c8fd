/**
 * How `mailsetup discover` and `check` show discovery: a live table of the sources asked (filled
 * in as each answers), the candidates found, the problems of failed sources, and the JSON shapes.
 */
import type { Candidate, SourceReport } from '../../shared/model.ts';
import type { DiscoverEvent, DiscoveryResult } from '../engine/discover/index.ts';
import type { Colours } from './colour.ts';
import type { CliIo } from './io.ts';
import { formatRow, fitColumns, LiveTable, type Cell, type Column } from './table.ts';
import type { Translate } from './translate.ts';

const CANCELLED = 'cancelled';

function sourceColumns(t: Translate): Column[] {
  return [
    { key: 'source', title: t('discovery:table.source'), width: 15 },
    { key: 'result', title: t('discovery:table.result'), width: 25 },
    { key: 'trust', title: t('discovery:table.trust'), width: 9 },
    { key: 'time', title: t('discovery:table.time'), width: 7, align: 'right' },
    { key: 'url', title: t('discovery:table.url'), width: 10 },
  ];
}

/** Width of every column but the last (URL), gaps included. */
const FIXED_WIDTH = 15 + 25 + 9 + 7 + 4 * 2;

/** On a terminal a wrapped line would break the in-place redraw: cut the URL to the width. */
function fitUrl(url: string, columns: number | undefined): string {
  if (!columns) return url;
  const room = Math.max(20, columns - FIXED_WIDTH - 1);
  return url.length > room ? `${url.slice(0, room - 1)}…` : url;
}

function sourceCells(
  t: Translate,
  report: SourceReport,
  c: Colours,
  columns?: number,
): Record<string, Cell> {
  const cancelled = report.error === CANCELLED;
  const result =
    report.outcome === 'found'
      ? { text: t('discovery:outcome.found'), paint: c.green }
      : report.outcome === 'error'
        ? { text: `${t('discovery:outcome.error')}: ${report.error ?? ''}`, paint: c.red }
        : { text: t(`discovery:outcome.${cancelled ? 'cancelled' : 'none'}`), paint: c.dim };
  return {
    source: report.source,
    result,
    trust:
      report.outcome === 'found'
        ? report.trusted
          ? { text: t('discovery:trust.trusted'), paint: c.green }
          : { text: t('discovery:trust.untrusted'), paint: c.yellow }
        : '',
    time: `${report.ms} ms`,
    url: fitUrl(report.url, columns),
  };
}

/** Follows discovery events and draws the sources table (live on a terminal). */
export class SourcesView {
  readonly #io: CliIo;
  readonly #t: Translate;
  readonly #c: Colours;
  #pending: Array<{ source: string; url: string }> = [];
  #table: LiveTable | null = null;

  constructor(io: CliIo, t: Translate, colours: Colours) {
    this.#io = io;
    this.#t = t;
    this.#c = colours;
  }

  /** Returns the result when the event is the final one. */
  onEvent(event: DiscoverEvent): DiscoveryResult | null {
    if (event.type === 'source-start') {
      if (this.#table) {
        // A later phase (guessing): a fresh table for it.
        this.#io.stdout.write(`\n${this.#c.dim(this.#t('discovery:cli.guessing'))}\n`);
        this.#table = null;
      }
      this.#pending.push({ source: event.source, url: event.url });
      return null;
    }
    if (event.type === 'source-done') {
      const table = this.#ensureTable();
      table.update(
        `${event.report.source} ${event.report.url}`,
        sourceCells(this.#t, event.report, this.#c, this.#liveColumns()),
      );
      return null;
    }
    return event.result;
  }

  /** The terminal width when drawing live, else undefined (nothing is cut in pipes and files). */
  #liveColumns(): number | undefined {
    return this.#io.stdout.isTTY === true ? (this.#io.stdout.columns ?? 80) : undefined;
  }

  #ensureTable(): LiveTable {
    if (this.#table) return this.#table;
    const rows = this.#pending.map((p) => `${p.source} ${p.url}`);
    const byRow = new Map(this.#pending.map((p) => [`${p.source} ${p.url}`, p]));
    this.#pending = [];
    const table = new LiveTable(this.#io.stdout, sourceColumns(this.#t), rows, {
      live: this.#io.stdout.isTTY === true,
      header: this.#c.bold,
    });
    table.drawPending((row) => ({
      source: byRow.get(row)?.source ?? '',
      result: { text: this.#t('discovery:outcome.asking'), paint: this.#c.dim },
      url: fitUrl(byRow.get(row)?.url ?? '', this.#liveColumns()),
    }));
    this.#table = table;
    return table;
  }
}

function candidateColumns(t: Translate): Column[] {
  return fitColumns([
    { key: 'direction', title: t('discovery:table.direction'), width: 9 },
    { key: 'protocol', title: t('discovery:table.protocol'), width: 5 },
    { key: 'server', title: t('discovery:table.server'), width: 26 },
    { key: 'security', title: t('discovery:table.security'), width: 8 },
    { key: 'username', title: t('discovery:table.username'), width: 22 },
    { key: 'source', title: t('discovery:table.source'), width: 15 },
    { key: 'trust', title: t('discovery:table.trust'), width: 9 },
  ]);
}

function candidateCells(t: Translate, candidate: Candidate, c: Colours): Record<string, Cell> {
  return {
    direction: t(`discovery:cli.${candidate.protocol === 'smtp' ? 'outgoing' : 'incoming'}`),
    protocol: candidate.protocol.toUpperCase(),
    server: `${candidate.host}:${candidate.port}`,
    security: {
      text: t(`cli:security.${candidate.security}`),
      paint: candidate.security === 'plain' ? c.red : c.green,
    },
    username: candidate.username,
    source: candidate.source,
    trust: candidate.trusted
      ? { text: t('discovery:trust.trusted'), paint: c.green }
      : { text: t('discovery:trust.untrusted'), paint: c.yellow },
  };
}

/** The candidates (best first when ranked) and the sentences for failed sources. */
export function candidatesText(t: Translate, result: DiscoveryResult, c: Colours): string {
  const lines: string[] = [''];
  const candidates = [...result.incoming, ...result.outgoing];
  const silent = result.sources.some((s) => s.source === 'guess' && s.outcome === 'error');
  if (candidates.length === 0) {
    // Servers that took the connection and then said nothing were found: say so, not "nothing".
    const key = silent ? 'discovery:cli.reachedButSilent' : 'discovery:cli.nothingFound';
    lines.push(c.yellow(t(key, { domain: result.domain })));
  } else {
    lines.push(c.bold(t('discovery:cli.candidates')));
    const columns = candidateColumns(t);
    const titles = Object.fromEntries(columns.map((column) => [column.key, column.title]));
    lines.push(c.bold(formatRow(columns, titles)));
    for (const candidate of candidates)
      lines.push(formatRow(columns, candidateCells(t, candidate, c)));
  }
  const failed = result.sources.filter((s) => s.outcome === 'error');
  if (failed.length > 0) {
    lines.push('', c.bold(t('discovery:cli.sourceErrors')));
    for (const report of failed) {
      lines.push(
        `  ${c.red(`${report.source}:`)} ${t(`discovery:${report.error ?? 'network'}`)} (${report.url})`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A candidate as the JSON documents show it. */
export function candidateJson(candidate: Candidate): object {
  return {
    protocol: candidate.protocol,
    host: candidate.host,
    port: candidate.port,
    security: candidate.security,
    username: candidate.username,
    ...(candidate.authMethod !== undefined ? { authMethod: candidate.authMethod } : {}),
    auth: candidate.auth,
    source: candidate.source,
    ...(candidate.origin !== undefined ? { origin: candidate.origin } : {}),
    trusted: candidate.trusted,
    ...(candidate.hoster !== undefined ? { hoster: candidate.hoster } : {}),
  };
}

/** The `discover --json` document. */
export function discoveryJson(result: DiscoveryResult): Record<string, unknown> {
  return {
    address: result.address,
    domain: result.domain,
    ...(result.provider ? { provider: result.provider } : {}),
    ...(result.hostedBy ? { hostedBy: result.hostedBy } : {}),
    ...(result.enable?.length ? { enable: result.enable } : {}),
    sources: result.sources.map((s) => ({
      source: s.source,
      url: s.url,
      outcome: s.outcome,
      trusted: s.trusted,
      ms: s.ms,
      ...(s.error !== undefined ? { error: s.error } : {}),
    })),
    incoming: result.incoming.map(candidateJson),
    outgoing: result.outgoing.map(candidateJson),
  };
}
