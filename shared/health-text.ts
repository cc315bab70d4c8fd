/**
 * A health report in words, for the CLI and the ticket report alike: each record found (as
 * found), each problem with what to do, and the records to publish (for PlentyONE shops, with
 * where to enter them in PlentyONE's domain assistant). Browser-safe and pure.
 */
import type { HealthFinding, HealthReport } from './health.ts';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** Providers whose hosted domains may be PlentyONE shops (the same MX, records and keys). */
const PLENTYONE_HOSTS = new Set(['plentyone', 'mailbox-org']);

export function healthTitle(t: Translate, f: HealthFinding): string {
  return t(`health:findings.${f.code}.title`, { ...f.params, defaultValue: f.code });
}

export function healthFix(t: Translate, f: HealthFinding): string {
  return t(`health:findings.${f.code}.fix`, { ...f.params, defaultValue: '' });
}

/** Whether the report's records to publish should name PlentyONE's domain assistant. */
export function mentionsPlentyOne(report: Pick<HealthReport, 'provider' | 'toPublish'>): boolean {
  return report.toPublish.length > 0 && PLENTYONE_HOSTS.has(report.provider ?? '');
}

export interface HealthTextOptions {
  /** Control characters replaced, long values cut: a DNS record is hostile text. */
  line?: (text: string) => string;
}

const plainLine = (text: string): string =>
  // eslint-disable-next-line no-control-regex
  text.replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ').trim();

export function healthTextLines(
  t: Translate,
  report: HealthReport,
  options: HealthTextOptions = {},
): string[] {
  const line = options.line ?? plainLine;
  const lines: string[] = [`${t('health:ui.records')}:`];
  if (report.records.length === 0) lines.push(`  ${t('health:ui.no-records')}`);
  for (const r of report.records) {
    lines.push(`  [${t(`health:checks.${r.check}`)}] ${r.type} ${line(r.name)}: ${line(r.value)}`);
  }
  lines.push(`${t('health:ui.problems')}:`);
  if (report.findings.length === 0) lines.push(`  ${t('health:ui.no-problems')}`);
  for (const f of report.findings) {
    lines.push(`  [${f.severity}] ${f.code}: ${line(healthTitle(t, f))}`);
    const fix = healthFix(t, f);
    if (fix) lines.push(`    ${t('health:ui.fix')}: ${line(fix)}`);
    if (f.record !== undefined) lines.push(`    ${t('health:ui.as-found')}: ${line(f.record)}`);
  }
  if (report.toPublish.length > 0) {
    lines.push(
      `${t('health:ui.to-publish')}:`,
      `  ${t('health:ui.to-publish-intro', { domain: report.domain })}`,
    );
    for (const r of report.toPublish) lines.push(`  ${r.type} ${r.name}: ${r.value}`);
    if (mentionsPlentyOne(report))
      lines.push(`  ${t('health:ui.plentyone', { domain: report.domain })}`);
  }
  return lines;
}
