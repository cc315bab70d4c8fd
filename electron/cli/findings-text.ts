/**
 * Findings in words: the sentence for a finding's code from the `findings` catalogue, with
 * protocol names written the way people know them (IMAP, POP3, SMTP).
 */
import type { Finding } from '../../shared/model.ts';
import type { Translate } from './translate.ts';

const PROTOCOL_PARAMS = ['protocol', 'expected', 'actual'];

export function findingMessage(t: Translate, finding: Finding): string {
  const params: Record<string, string | number> = { ...finding.params };
  if (finding.port !== undefined && params.port === undefined) params.port = finding.port;
  if (finding.host !== undefined && params.host === undefined) params.host = finding.host;
  for (const key of PROTOCOL_PARAMS) {
    const value = params[key];
    if (typeof value === 'string') params[key] = value.toUpperCase();
  }
  return t(`findings:${finding.code}`, params);
}

/** The findings with their `message` filled in. */
export function withMessages(t: Translate, findings: readonly Finding[]): Finding[] {
  return findings.map((finding) => ({ ...finding, message: findingMessage(t, finding) }));
}
