/**
 * One problem, one line: findings that say the same thing about several ports of one host (one
 * expired certificate served on 993, 995 and 465) become one group. The group's first finding words
 * the sentence with its own params; the other ports are listed after it ("also on ports 995, 465",
 * `findings:also-on-ports`). Pure and browser-safe: the wizard, the CLI and the ticket report share it.
 */
import type { Finding } from './model.ts';

export interface FindingGroup {
  /** The first finding of the group (in the order given); its params word the sentence. */
  finding: Finding;
  /** The ports of the group's other findings, in the order given, each once. */
  otherPorts: number[];
}

/** A finding's sentence; used to tell whether two findings say the same apart from the port. */
export type FindingWords = (finding: Finding) => string;

export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** The finding with its port blanked, so that only the port can differ between two copies. */
function withoutPort(finding: Finding): Finding {
  const { message: _message, ...rest } = finding;
  const params =
    finding.params && 'port' in finding.params ? { ...finding.params, port: 0 } : finding.params;
  return { ...rest, port: 0, ...(params ? { params } : {}) };
}

/**
 * Groups findings of the same host, severity and code whose sentences (by `words`) differ only in
 * the port. Order is kept: a group sits where its first finding was. A finding about no port (a
 * whole host) is never merged with another.
 */
export function groupFindings(findings: readonly Finding[], words: FindingWords): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  findings.forEach((finding, index) => {
    const port = finding.port;
    if (port === undefined) {
      groups.set(`#${index}`, { finding, otherPorts: [] });
      return;
    }
    const same = words(withoutPort(finding));
    const key = JSON.stringify([finding.host ?? '', finding.severity, finding.code, same]);
    const group = groups.get(key);
    if (!group) groups.set(key, { finding, otherPorts: [] });
    else if (port !== group.finding.port && !group.otherPorts.includes(port)) {
      group.otherPorts.push(port);
    }
  });
  return [...groups.values()];
}

/** "(also on ports 995, 465)" in the catalogue's language, or '' when the group has one port. */
export function alsoOnPorts(t: Translate, group: FindingGroup): string {
  const ports = group.otherPorts;
  if (ports.length === 0) return '';
  return t('findings:also-on-ports', { count: ports.length, ports: ports.join(', ') });
}
