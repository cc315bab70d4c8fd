/**
 * The helpdesk ticket report: `report.json` (machine-readable, stable field names) and
 * `report.txt` (the same facts as text in the person's language, to paste into a ticket). What was
 * found (sources, candidates), probed (ports, TLS, certificates), verified (login results with the
 * server's own words) and concluded (findings, export notes). Passwords never appear: password
 * fields are dropped and any occurrence of the password in server text is masked.
 */
import { dropUnsafeChars } from '../control-chars.ts';
import { alsoOnPorts, groupFindings, type FindingGroup } from '../findings-group.ts';
import { healthTextLines } from '../health-text.ts';
import type { AccountSettings, Finding, ProbeReport } from '../model.ts';
import type { CheckReport, LoginResult, VerificationReport } from '../reports.ts';
import { providerText, type GuidanceInput } from './guidance.ts';
import type { ExportNote, ExportPart, Translate } from './types.ts';

/** The check report as far as the report uses it: any part may be missing (a partial check). */
export type CheckReportInput = Pick<CheckReport, 'address'> &
  Partial<
    Pick<
      CheckReport,
      'domain' | 'sources' | 'incoming' | 'outgoing' | 'probes' | 'findings' | 'health'
    >
  >;

/** The login test's results, when there was one (either side may be missing). */
export type VerificationInput = Partial<VerificationReport>;

export interface ReportOptions {
  t: Translate;
  check?: CheckReportInput;
  verification?: VerificationInput;
  notes?: readonly ExportNote[];
  guidance?: readonly GuidanceInput[];
  now?: Date;
}

const REDACTED = '[redacted]';
const SECRET_KEY = /^(password|passwd|pass|secret|token)$/i;
const MAX_SERVER_TEXT = 500;

/** Deep copy without password fields, with the password masked wherever it occurs in text. */
export function redact<T>(value: T, password: string | undefined): T {
  const mask = (text: string) =>
    password && password.length >= 3 ? text.split(password).join(REDACTED) : text;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return mask(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => !SECRET_KEY.test(k))
          .map(([k, inner]) => [k, walk(inner)]),
      );
    }
    return v;
  };
  return walk(value) as T;
}

/** One line of at most `max` characters, control characters replaced. */
function oneLine(text: string, max = MAX_SERVER_TEXT): string {
  const line = dropUnsafeChars(text).trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function reportJson(settings: AccountSettings, options: ReportOptions, now: Date): string {
  const { check, verification } = options;
  const data = {
    format: 'mailsetup-report',
    version: 1,
    generatedAt: now.toISOString(),
    address: settings.address,
    displayName: settings.displayName ?? null,
    settings: { incoming: settings.incoming, outgoing: settings.outgoing },
    verification: verification ?? null,
    findings: check?.findings ?? [],
    probes: check?.probes ?? [],
    sources: check?.sources ?? [],
    candidates: { incoming: check?.incoming ?? [], outgoing: check?.outgoing ?? [] },
    guidance: (options.guidance ?? []).map((g) => ({
      code: g.code,
      provider: g.provider,
      ...(g.url ? { url: g.url } : {}),
    })),
    notes: options.notes ?? [],
    ...(check?.health ? { health: check.health } : {}),
  };
  return `${JSON.stringify(redact(data, settings.password), null, 2)}\n`;
}

function endpointLine(t: Translate, label: string, s: AccountSettings['incoming']): string {
  const security = t(`export:security.${s.security}`);
  return `${label}: ${s.protocol.toUpperCase()} ${s.host}:${s.port}, ${security}, ${t('export:sheet.username')}: ${s.username}`;
}

function loginLine(t: Translate, label: string, result: LoginResult | undefined): string {
  if (!result) return `${label}: ${t('export:report.notTested')}`;
  if (result.ok)
    return `${label}: ${t('export:report.loginOk', { username: result.username, ms: result.ms })}`;
  // The verify namespace words each reason as { title, hint }.
  const reason = t(`verify:${result.reason}.title`, { defaultValue: result.reason });
  const server = result.serverText
    ? ` — ${t('export:report.serverSaid')} "${oneLine(result.serverText)}"`
    : '';
  return `${label}: ${t('export:report.loginFailed')} (${result.reason}) ${reason}${server}`;
}

function findingText(t: Translate, f: Finding): string {
  return f.message ?? t(`findings:${f.code}`, { ...f.params, defaultValue: f.code });
}

/** One line per problem: a finding seen on several ports of a host names the other ports. */
function findingLine(t: Translate, group: FindingGroup): string {
  const f = group.finding;
  const where = [f.host, f.port].filter((x) => x !== undefined).join(':');
  const also = alsoOnPorts(t, group);
  return `[${f.severity}] ${f.code}${where ? ` ${where}` : ''}: ${oneLine(findingText(t, f))}${also ? ` ${also}` : ''}`;
}

function probeLines(p: ProbeReport): string[] {
  return [
    `${p.host}${p.addresses.length ? ` (${p.addresses.join(', ')})` : ''}`,
    ...p.ports.map((port) => {
      const tls = port.tls
        ? ` ${port.tls.version ?? ''} ${port.tls.trusted ? 'cert-trusted' : `cert-untrusted${port.tls.error ? `:${port.tls.error}` : ''}`}${port.tls.hostnameMatch ? '' : ' hostname-mismatch'}${port.tls.certificate ? ` valid-to:${port.tls.certificate.validTo}` : ''}`
        : '';
      const error = port.error ? ` (${oneLine(port.error, 120)})` : '';
      const auth = port.auth.length ? ` auth:${port.auth.join(',')}` : '';
      return `  ${port.port}/${port.protocol} ${port.security} ${port.status}${error}${tls}${auth} ${port.ms} ms`;
    }),
  ];
}

function reportText(settings: AccountSettings, options: ReportOptions, now: Date): string {
  const { t, check, verification } = options;
  const heading = (key: string) => ['', `== ${t(key)} ==`];
  const lines = [
    t('export:report.title'),
    `${t('export:sheet.address')}: ${settings.address}`,
    ...(settings.displayName
      ? [`${t('export:sheet.displayName')}: ${oneLine(settings.displayName)}`]
      : []),
    `${t('export:report.generatedAt')}: ${now.toISOString()}`,
    ...heading('export:report.settings'),
    endpointLine(t, t('export:report.incoming'), settings.incoming),
    endpointLine(t, t('export:report.outgoing'), settings.outgoing),
    ...heading('export:report.login'),
    loginLine(t, t('export:report.incoming'), verification?.incoming),
    loginLine(t, t('export:report.outgoing'), verification?.outgoing),
  ];
  const findings = check?.findings ?? [];
  lines.push(...heading('export:report.findings'));
  lines.push(
    ...(findings.length
      ? groupFindings(findings, (f) => findingText(t, f)).map((g) => findingLine(t, g))
      : [t('export:report.none')]),
  );
  if (check?.health) {
    lines.push(
      ...heading('health:ui.title'),
      ...healthTextLines(t, check.health, { line: (text) => oneLine(text, 2000) }),
    );
  }
  if (check?.probes?.length)
    lines.push(...heading('export:report.probes'), ...check.probes.flatMap(probeLines));
  if (check?.sources?.length) {
    lines.push(
      ...heading('export:report.sources'),
      ...check.sources.map(
        (s) =>
          `${s.source} ${s.outcome}${s.trusted ? '' : ' untrusted'} ${s.ms} ms ${oneLine(s.url, 300)}${s.error ? ` (${s.error})` : ''}`,
      ),
    );
  }
  if (options.guidance?.length) {
    lines.push(
      ...heading('export:sheet.guidance'),
      ...options.guidance.map(
        (g) => `- ${providerText(t, g.titleKey, g.params)}${g.url ? ` (${g.url})` : ''}`,
      ),
    );
  }
  if (options.notes?.length) {
    lines.push(
      ...heading('export:sheet.checkByHand'),
      ...options.notes.map((n) => `- ${t(`export:notes.${n.code}`, n.params)}`),
    );
  }
  lines.push('', t('export:report.noPassword'), '');
  return redact(lines, settings.password).join('\n');
}

/** `report.txt` and `report.json`; `settings.password` is never written. */
export function ticketReport(settings: AccountSettings, options: ReportOptions): ExportPart {
  const now = options.now ?? new Date();
  return {
    files: [
      {
        filename: 'report.txt',
        mediaType: 'text/plain',
        content: reportText(settings, options, now),
        usage: 'reportText',
      },
      {
        filename: 'report.json',
        mediaType: 'application/json',
        content: reportJson(settings, options, now),
        usage: 'reportJson',
      },
    ],
    notes: [],
  };
}
