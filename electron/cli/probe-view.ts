/**
 * How `mailsetup probe` shows a report: table cells for a port, the findings in plain words, and
 * the JSON document of `--json`.
 */
import type { Finding, PortResult, ProbeReport, Protocol, TlsFacts } from '../../shared/model.ts';
import { PORT_STATUSES, type PortStatus } from '../../shared/model.ts';
import { planPorts } from '../engine/probe/targets.ts';
import type { Colours } from './colour.ts';
import { findingMessage } from './findings-text.ts';
import {
  CERTIFICATE_VERDICTS,
  certificateVerdict,
  type CertificateVerdict,
} from '../../shared/certificate.ts';
import { alsoOnPorts, groupFindings } from '../../shared/findings-group.ts';
import type { Cell, Column } from './table.ts';
import type { Translate } from './translate.ts';

const STATUS_WORDS: readonly PortStatus[] = PORT_STATUSES;
const CERTIFICATE_WORDS = CERTIFICATE_VERDICTS;

/** Room for the longest word a column can show in this language, so that none is cut. */
function widest(t: Translate, group: string, words: readonly string[], floor: number): number {
  return Math.max(floor, ...words.map((word) => t(`cli:${group}.${word}`).length));
}

export function probeColumns(t: Translate): Column[] {
  return [
    { key: 'port', title: t('cli:table.port'), width: 5, align: 'right' },
    { key: 'protocol', title: t('cli:table.protocol'), width: 5 },
    { key: 'security', title: t('cli:table.security'), width: 8 },
    { key: 'status', title: t('cli:table.status'), width: widest(t, 'status', STATUS_WORDS, 9) },
    { key: 'tls', title: t('cli:table.tls'), width: 7 },
    {
      key: 'certificate',
      title: t('cli:table.certificate'),
      width: widest(t, 'certificate', CERTIFICATE_WORDS, 7),
    },
    { key: 'time', title: t('cli:table.time'), width: 7, align: 'right' },
    { key: 'auth', title: t('cli:table.auth'), width: 10 },
  ];
}

/** The protocol a port number is expected to speak (993 IMAP, 587 SMTP, ...), if it is known. */
export function expectedProtocol(port: number): Protocol | undefined {
  return planPorts([port])[0]?.protocol;
}

function protocolCell(protocol: Protocol | undefined, c: Colours, reached: boolean): Cell {
  if (!protocol) return '';
  const text = protocol.toUpperCase();
  return reached ? text : { text, paint: c.dim };
}

export function pendingCells(t: Translate, port: string, c: Colours): Record<string, Cell> {
  return {
    port,
    protocol: protocolCell(expectedProtocol(Number(port)), c, false),
    status: { text: t('cli:status.pending'), paint: c.dim },
  };
}

/** The certificate in one word (see shared/certificate.ts); null when the probe saw none. */
export function certificateWord(tls: TlsFacts | null, now = new Date()): CertificateVerdict | null {
  return tls?.certificate ? certificateVerdict(tls, now) : null;
}

export function portCells(t: Translate, result: PortResult, c: Colours): Record<string, Cell> {
  const ok = result.status === 'ok';
  const statusPaint = ok
    ? c.green
    : result.status === 'refused'
      ? c.dim
      : result.status === 'timeout'
        ? c.yellow
        : c.red;
  const reached = ok || result.greeting !== undefined;
  const verdict = certificateWord(result.tls);
  return {
    port: String(result.port),
    // A port that never answered still shows what it should speak, dimmed.
    protocol: protocolCell(reached ? result.protocol : expectedProtocol(result.port), c, reached),
    security: reached
      ? {
          text: t(`cli:security.${result.security}`),
          paint: result.security === 'plain' ? c.red : c.green,
        }
      : '',
    status: { text: t(`cli:status.${result.status}`), paint: statusPaint },
    tls: result.tls?.version ?? '',
    certificate: verdict
      ? { text: t(`cli:certificate.${verdict}`), paint: verdict === 'valid' ? c.green : c.red }
      : '',
    time: `${result.ms} ms`,
    auth: result.auth.join(' '),
  };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The findings section: a heading, one line per finding (worst first), a summary. Findings that
 * say the same about several ports (one certificate on seven ports) share one line.
 */
export function findingsText(t: Translate, report: ProbeReport, c: Colours): string {
  const lines = [c.bold(t('cli:probe.findings'))];
  const sorted = [...report.findings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  if (sorted.length === 0) lines.push(`  ${c.green(t('cli:probe.noFindings'))}`);
  for (const group of groupFindings(sorted, (f) => findingMessage(t, f))) {
    const { finding } = group;
    const paint =
      finding.severity === 'error' ? c.red : finding.severity === 'warning' ? c.yellow : c.dim;
    const also = alsoOnPorts(t, group);
    lines.push(
      `  ${paint(`${t(`cli:severity.${finding.severity}`)}:`)} ${findingMessage(t, finding)}${also ? ` ${also}` : ''}`,
    );
  }
  const count = (severity: Finding['severity']): number =>
    report.findings.filter((f) => f.severity === severity).length;
  lines.push(
    '',
    c.dim(
      t('cli:probe.summary', { errors: count('error'), warnings: count('warning'), ms: report.ms }),
    ),
  );
  return `${lines.join('\n')}\n`;
}

/** The `--json` document (see README: mailsetup probe). */
export function probeJson(t: Translate, report: ProbeReport): object {
  return {
    host: report.host,
    addresses: report.addresses,
    ports: report.ports.map((p) => ({
      port: p.port,
      protocol: p.protocol,
      security: p.security,
      status: p.status,
      ...(p.error !== undefined ? { error: p.error } : {}),
      ...(p.greeting !== undefined ? { greeting: p.greeting } : {}),
      tls: p.tls
        ? {
            version: p.tls.version,
            cipher: p.tls.cipher,
            trusted: p.tls.trusted,
            hostnameMatch: p.tls.hostnameMatch,
            ...(p.tls.error !== undefined ? { error: p.tls.error } : {}),
            certificate: p.tls.certificate
              ? {
                  subject: p.tls.certificate.subject,
                  issuer: p.tls.certificate.issuer,
                  validFrom: p.tls.certificate.validFrom,
                  validTo: p.tls.certificate.validTo,
                  altNames: p.tls.certificate.altNames,
                  sha256: p.tls.certificate.sha256,
                  selfSigned: p.tls.certificate.selfSigned,
                }
              : null,
          }
        : null,
      capabilities: p.capabilities,
      auth: p.auth,
      ...(p.starttlsOffered !== undefined ? { starttlsOffered: p.starttlsOffered } : {}),
      ...(p.authBeforeTls !== undefined ? { authBeforeTls: p.authBeforeTls } : {}),
      ...(p.loginDisabledBeforeTls !== undefined
        ? { loginDisabledBeforeTls: p.loginDisabledBeforeTls }
        : {}),
      ms: p.ms,
      ...(p.timing ? { timing: p.timing } : {}),
    })),
    findings: report.findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      // Always present: null for a finding about the whole host (e.g. host-unresolved).
      port: f.port ?? null,
      message: findingMessage(t, f),
      ...(f.params ? { params: f.params } : {}),
    })),
    ms: report.ms,
  };
}
