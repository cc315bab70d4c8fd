/**
 * How `mailsetup health` (and `check --health`) shows a domain's health: the records found, the
 * problems worst first with what to do, the records to publish; and the `--json` shape, where each
 * finding carries its `message` and `fix` in the person's language.
 */
import type { HealthReport } from '../../shared/health.ts';
import { healthFix, healthTextLines, healthTitle } from '../../shared/health-text.ts';
import type { Colours } from './colour.ts';
import type { Translate } from './translate.ts';

const RANK = { error: 0, warning: 1, info: 2 } as const;

function sorted(report: HealthReport): HealthReport {
  const findings = [...report.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  return { ...report, findings };
}

export function healthJson(t: Translate, report: HealthReport): Record<string, unknown> {
  return {
    domain: report.domain,
    provider: report.provider,
    mx: report.mx,
    records: report.records,
    findings: sorted(report).findings.map((f) => ({
      ...f,
      message: healthTitle(t, f),
      fix: healthFix(t, f),
    })),
    toPublish: report.toPublish,
    probes: report.probes.map((p) => ({
      host: p.host,
      addresses: p.addresses,
      ports: p.ports.map((port) => ({
        port: port.port,
        status: port.status,
        security: port.security,
        tls: port.tls,
      })),
    })),
    dnsQueries: report.dnsQueries,
    ms: report.ms,
  };
}

export function healthText(t: Translate, report: HealthReport, c: Colours): string {
  const paint = (line: string): string =>
    line.startsWith('  [error]')
      ? c.red(line)
      : line.startsWith('  [warning]')
        ? c.yellow(line)
        : line.endsWith(':') && !line.startsWith(' ')
          ? c.bold(line)
          : line;
  const lines = healthTextLines(t, sorted(report)).map(paint);
  return `\n${c.bold(t('health:cli.heading', { domain: report.domain }))}\n${lines.join('\n')}\n`;
}
