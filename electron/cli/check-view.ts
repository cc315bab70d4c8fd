/**
 * How `mailsetup check` shows its report: a port table per host as each host's probe finishes,
 * the recommendation, the findings, and the `--json` document.
 */
import type { Candidate, ProbeReport } from '../../shared/model.ts';
import { findProviderById } from '../../shared/providers/index.ts';
import type { CheckReport } from '../engine/choose/check.ts';
import type { Colours } from './colour.ts';
import { candidateJson, discoveryJson } from './discovery-view.ts';
import { withMessages } from './findings-text.ts';
import { findingsText, portCells, probeColumns, probeJson } from './probe-view.ts';
import { fitColumns, formatRow } from './table.ts';
import type { Translate } from './translate.ts';

/** One host's port table, printed when its probe is done. */
export function hostText(t: Translate, report: ProbeReport, c: Colours): string {
  const heading = t('cli:probe.heading', {
    host: report.host,
    addresses: report.addresses.join(', ') || '-',
  });
  const columns = fitColumns(probeColumns(t));
  const titles = Object.fromEntries(columns.map((column) => [column.key, column.title]));
  const rows = report.ports.map((port) => formatRow(columns, portCells(t, port, c)));
  return `\n${c.bold(heading)}\n${c.bold(formatRow(columns, titles))}\n${rows.join('\n')}\n`;
}

function endpointLine(t: Translate, key: string, candidate: Candidate): string {
  return t(key, {
    protocol: candidate.protocol.toUpperCase(),
    host: candidate.host,
    port: candidate.port,
    security: t(`cli:security.${candidate.security}`),
  });
}

/** The recommendation and the findings, worst first. */
export function recommendationText(t: Translate, report: CheckReport, c: Colours): string {
  const { incoming, outgoing, username } = report.recommended;
  const lines = ['', c.bold(t('discovery:cli.recommended'))];
  const provider = report.provider ? findProviderById(report.provider) : undefined;
  if (provider) lines.push(`  ${t('discovery:cli.provider', { name: provider.name })}`);
  if (incoming) lines.push(`  ${endpointLine(t, 'discovery:cli.recommendedIncoming', incoming)}`);
  if (outgoing) lines.push(`  ${endpointLine(t, 'discovery:cli.recommendedOutgoing', outgoing)}`);
  if (username) lines.push(`  ${t('discovery:cli.recommendedUsername', { username })}`);
  if (!incoming && !outgoing) lines.push(`  ${c.red(t('discovery:cli.noRecommendation'))}`);
  const ms =
    report.sources.reduce((max, s) => Math.max(max, s.ms), 0) +
    report.probes.reduce((max, p) => Math.max(max, p.ms), 0);
  const summary = findingsText(
    t,
    { host: report.domain, addresses: [], ports: [], findings: report.findings, ms },
    c,
  );
  return `${lines.join('\n')}\n\n${summary}`;
}

/** The `check --json` document. */
export function checkJson(t: Translate, report: CheckReport): Record<string, unknown> {
  const { incoming, outgoing, username, proven } = report.recommended;
  return {
    ...discoveryJson(report),
    probes: report.probes.map((probe) => probeJson(t, probe)),
    findings: withMessages(t, report.findings).map((f) => ({ ...f, port: f.port ?? null })),
    recommended: {
      incoming: incoming ? candidateJson(incoming) : null,
      outgoing: outgoing ? candidateJson(outgoing) : null,
      username,
      ...(proven ? { proven } : {}),
    },
  };
}
