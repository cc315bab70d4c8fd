/**
 * Findings in plain words (the `findings` namespace), most severe first, each with its hint. One
 * problem seen on several ports of a host is one line that names the other ports.
 */
import { useTranslation } from 'react-i18next';
import { alsoOnPorts, groupFindings, type FindingGroup } from '../../../shared/findings-group.ts';
import type { Finding } from '../../../shared/model.ts';
import { useCodeText } from './use-text.ts';

const ORDER = { error: 0, warning: 1, info: 2 } as const;
const ICONS = { error: '✖', warning: '⚠', info: 'ℹ' } as const;
const PROTOCOL_PARAMS = ['protocol', 'expected', 'actual'] as const;

/** The values a finding's sentence may name: its own params plus where it was seen. */
export function findingParams(finding: Finding): Record<string, string | number | undefined> {
  const params: Record<string, string | number | undefined> = {
    host: finding.host,
    port: finding.port,
    protocol: finding.protocol,
    ...finding.params,
  };
  // Protocol names read as IMAP, POP3, SMTP, whichever side supplied them.
  for (const key of PROTOCOL_PARAMS) {
    const value = params[key];
    if (typeof value === 'string' && /^(imap|pop3|smtp)$/i.test(value)) {
      params[key] = value.toUpperCase();
    }
  }
  return params;
}

/** The findings as the list shows them: worst first, one group per problem. */
export function useFindingGroups(findings: readonly Finding[]): FindingGroup[] {
  const codeText = useCodeText();
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return groupFindings(sorted, (f) => codeText(['findings'], f.code, findingParams(f)).title);
}

export function FindingList({
  findings,
  showWhere = false,
}: {
  findings: Finding[];
  showWhere?: boolean;
}) {
  const { t } = useTranslation();
  const codeText = useCodeText();
  const groups = useFindingGroups(findings);
  if (groups.length === 0) return null;
  return (
    <ul className="findings" data-testid="findings">
      {groups.map((group, index) => {
        const { finding } = group;
        const text = codeText(['findings'], finding.code, findingParams(finding));
        const also = alsoOnPorts((key, params) => t(key, params), group);
        return (
          <li
            key={`${finding.code}-${finding.host ?? ''}-${finding.port ?? ''}-${index}`}
            className={`finding finding-${finding.severity}`}
          >
            <span aria-hidden="true">{ICONS[finding.severity]} </span>
            <span className="visually-hidden">{t(`wizard:severity.${finding.severity}`)}: </span>
            <span className="finding-title">{text.title}</span>
            {also && <span className="finding-ports"> {also}</span>}
            {showWhere && finding.host && (
              <span className="muted">
                {' '}
                ({finding.host}
                {finding.port ? `:${finding.port}` : ''})
              </span>
            )}
            {text.hint && <span className="finding-hint"> {text.hint}</span>}
          </li>
        );
      })}
    </ul>
  );
}
