/**
 * One problem, one line: the shared grouping of findings across ports, and its three users (the
 * CLI's findings section, the ticket report) word the other ports from the catalogues.
 */
import { describe, expect, it } from 'vitest';
import { createColours } from '../../electron/cli/colour.ts';
import { findingMessage } from '../../electron/cli/findings-text.ts';
import { findingsText } from '../../electron/cli/probe-view.ts';
import { createTranslate } from '../../electron/cli/translate.ts';
import { ticketReport } from '../../shared/export/ticket-report.ts';
import { alsoOnPorts, groupFindings } from '../../shared/findings-group.ts';
import type { AccountSettings, Finding, Protocol } from '../../shared/model.ts';

const en = createTranslate('en');
const de = createTranslate('de');
const words = (f: Finding) => findingMessage(en, f);
const colours = createColours({ isTTY: false } as never, {});

const PORTS: Array<[number, Protocol]> = [
  [993, 'imap'],
  [995, 'pop3'],
  [465, 'smtp'],
  [143, 'imap'],
  [110, 'pop3'],
  [587, 'smtp'],
  [25, 'smtp'],
];

/** A finding as the engine reports it: params carry host, port and protocol. */
function finding(
  code: string,
  port: number | undefined,
  extra: Partial<Finding> & { params?: Record<string, string | number> } = {},
): Finding {
  const host = extra.host ?? 'mail.example.test';
  const protocol = PORTS.find(([p]) => p === port)?.[1] ?? 'imap';
  return {
    severity: 'error',
    code,
    host,
    ...(port !== undefined ? { port, protocol } : {}),
    ...extra,
    params: {
      host,
      ...(port !== undefined ? { port, protocol } : {}),
      ...extra.params,
    },
  };
}

const expiredEverywhere = PORTS.map(([port]) =>
  finding('cert-expired', port, { params: { date: '2024-01-31' } }),
);

describe('groupFindings', () => {
  it('makes one group of one certificate problem on seven ports, the first port leading', () => {
    const groups = groupFindings(expiredEverywhere, words);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.finding).toBe(expiredEverywhere[0]);
    expect(groups[0]?.otherPorts).toEqual([995, 465, 143, 110, 587, 25]);
  });

  it('keeps the order of first appearance', () => {
    const list = [
      finding('port-timeout', 110),
      finding('cert-self-signed', 993),
      finding('port-timeout', 25),
      finding('cert-self-signed', 465),
      finding('starttls-missing', 143),
    ];
    const groups = groupFindings(list, words);
    expect(groups.map((g) => [g.finding.code, g.finding.port, g.otherPorts])).toEqual([
      ['port-timeout', 110, [25]],
      ['cert-self-signed', 993, [465]],
      ['starttls-missing', 143, []],
    ]);
  });

  it('does not mix severities, hosts or different words', () => {
    const list = [
      finding('port-timeout', 993),
      finding('port-timeout', 995, { severity: 'warning' }),
      finding('port-timeout', 465, { host: 'smtp.example.test' }),
      finding('cert-expired', 993, { params: { date: '2024-01-31' } }),
      finding('cert-expired', 465, { params: { date: '2025-06-30' } }),
      finding('port-timeout', 587),
    ];
    const groups = groupFindings(list, words);
    expect(
      groups.map((g) => [g.finding.severity, g.finding.host, g.finding.port, g.otherPorts]),
    ).toEqual([
      ['error', 'mail.example.test', 993, [587]],
      ['warning', 'mail.example.test', 995, []],
      ['error', 'smtp.example.test', 465, []],
      ['error', 'mail.example.test', 993, []],
      ['error', 'mail.example.test', 465, []],
    ]);
  });

  it('never merges findings about a whole host, and lists a repeated port once', () => {
    const list = [
      finding('host-unresolved', undefined, { params: { reason: 'NXDOMAIN' } }),
      finding('host-unresolved', undefined, { params: { reason: 'NXDOMAIN' } }),
      finding('port-refused', 143),
      finding('port-refused', 110),
      finding('port-refused', 110),
      finding('port-refused', 143),
    ];
    const groups = groupFindings(list, words);
    expect(groups.map((g) => [g.finding.code, g.otherPorts])).toEqual([
      ['host-unresolved', []],
      ['host-unresolved', []],
      ['port-refused', [110]],
    ]);
  });

  it('words the other ports from the catalogue, singular and plural, in English and German', () => {
    const [group] = groupFindings(expiredEverywhere.slice(0, 3), words);
    expect(group).toBeDefined();
    if (!group) return;
    expect(alsoOnPorts(en, group)).toBe('(also on ports 995, 465)');
    expect(alsoOnPorts(de, group)).toBe('(ebenso auf den Ports 995, 465)');
    const pair = { finding: group.finding, otherPorts: [995] };
    expect(alsoOnPorts(en, pair)).toBe('(also on port 995)');
    expect(alsoOnPorts(de, pair)).toBe('(ebenso auf Port 995)');
    expect(alsoOnPorts(en, { finding: group.finding, otherPorts: [] })).toBe('');
  });
});

describe('the CLI findings section', () => {
  const report = (findings: Finding[]) => ({
    host: 'mail.example.test',
    addresses: ['127.0.0.1'],
    ports: [],
    findings,
    ms: 12,
  });

  it('prints one line for a certificate problem on seven ports and still counts seven', () => {
    const text = findingsText(en, report(expiredEverywhere), colours);
    const lines = text.split('\n').filter((line) => line.includes('certificate'));
    expect(lines).toEqual([
      '  Error: The certificate on port 993 expired on 2024-01-31. (also on ports 995, 465, 143, 110, 587, 25)',
    ]);
    expect(text).toContain('Errors: 7, warnings: 0');
  });

  it('keeps different hosts on separate lines, worst first', () => {
    const text = findingsText(
      en,
      report([
        finding('port-timeout', 110, { severity: 'warning' }),
        finding('cert-self-signed', 993),
        finding('cert-self-signed', 993, { host: 'imap.example.test' }),
      ]),
      colours,
    );
    const lines = text.split('\n').filter((line) => line.startsWith('  '));
    expect(lines).toEqual([
      '  Error: The certificate on port 993 is self-signed: the server vouches only for itself.',
      '  Error: The certificate on port 993 is self-signed: the server vouches only for itself.',
      '  Warning: Port 110 did not answer in time; a firewall may be blocking it.',
    ]);
  });
});

describe('the ticket report', () => {
  const settings: AccountSettings = {
    address: 'anna@example.test',
    incoming: {
      protocol: 'imap',
      host: 'mail.example.test',
      port: 993,
      security: 'tls',
      username: 'anna@example.test',
    },
    outgoing: {
      protocol: 'smtp',
      host: 'mail.example.test',
      port: 465,
      security: 'tls',
      username: 'anna@example.test',
    },
  };

  function reportText(t: typeof en, findings: Finding[]): string {
    const part = ticketReport(settings, {
      t,
      check: { address: settings.address, findings },
      now: new Date('2026-01-01T00:00:00Z'),
    });
    return part.files.find((f) => f.filename === 'report.txt')?.content ?? '';
  }

  it('lists a problem seen on seven ports once, naming the other ports, in both languages', () => {
    const lines = (t: typeof en) =>
      reportText(t, expiredEverywhere)
        .split('\n')
        .filter((line) => line.startsWith('[error]'));
    expect(lines(en)).toEqual([
      '[error] cert-expired mail.example.test:993: The certificate on port 993 expired on 2024-01-31. (also on ports 995, 465, 143, 110, 587, 25)',
    ]);
    expect(lines(de)).toHaveLength(1);
    expect(lines(de)[0]).toContain('(ebenso auf den Ports 995, 465, 143, 110, 587, 25)');
  });

  it('keeps every finding in report.json', () => {
    const part = ticketReport(settings, {
      t: en,
      check: { address: settings.address, findings: expiredEverywhere },
    });
    const json = JSON.parse(part.files.find((f) => f.filename === 'report.json')?.content ?? '{}');
    expect(json.findings).toHaveLength(7);
  });
});
