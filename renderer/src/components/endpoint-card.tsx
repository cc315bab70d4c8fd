/** One chosen server in plain words: what it is, how it is secured, where the setting came
 * from, what is wrong with it, and - when needed - the explicit confirmation. */
import { useTranslation } from 'react-i18next';
import type { Endpoint, Finding } from '../../../shared/model.ts';
import type { CheckReport } from '../../../shared/reports.ts';
import { candidateFor, certificateProblem, consentReason, findingsFor } from '../store/security.ts';
import type { Side } from '../store/settings-slice.ts';
import { ConsentBox } from './consent-box.tsx';
import { FindingList } from './finding-list.tsx';
import { SecurityBadge } from './security-badge.tsx';

/** The finding behind a certificate problem, or one made from what the probe saw. */
function problemFinding(
  endpoint: Endpoint,
  findings: Finding[],
  code: string | null,
): Finding | null {
  if (!code) return null;
  return (
    findings.find((f) => f.code === code) ?? {
      severity: 'error',
      code,
      host: endpoint.host,
      port: endpoint.port,
      protocol: endpoint.protocol,
    }
  );
}

export function EndpointCard({
  side,
  endpoint,
  report,
}: {
  side: Side;
  endpoint: Endpoint;
  report: CheckReport | null;
}) {
  const { t } = useTranslation();
  const candidate = candidateFor(endpoint, report);
  const reason = consentReason(endpoint, report);
  const findings = findingsFor(endpoint, report);
  const headingId = `${side}-heading`;
  return (
    <section className="card" aria-labelledby={headingId} data-testid={`card-${side}`}>
      <h2 id={headingId}>{t(`wizard:review.${side}`)}</h2>
      {endpoint.host ? (
        <>
          <p className="plain-words">
            {t(`wizard:review.summary-${side}`, {
              protocol: endpoint.protocol.toUpperCase(),
              host: endpoint.host,
              port: endpoint.port,
            })}
          </p>
          <SecurityBadge security={endpoint.security} explain />
          <dl className="facts">
            <dt>{t('wizard:review.username')}</dt>
            <dd>{endpoint.username}</dd>
            {candidate && (
              <>
                <dt>{t('wizard:review.found-by')}</dt>
                <dd>
                  {t(`wizard:sources.${candidate.source}`)}
                  {!candidate.trusted && (
                    <span className="untrusted"> {t('wizard:discovery.untrusted')}</span>
                  )}
                </dd>
              </>
            )}
          </dl>
          {findings.length > 0 ? (
            <>
              <h3>{t('wizard:review.problems')}</h3>
              <FindingList findings={findings} />
            </>
          ) : (
            <p className="ok-text">{t('wizard:review.no-problems')}</p>
          )}
          {reason && (
            <ConsentBox
              id={`consent-${side}`}
              host={endpoint.host}
              reason={reason}
              problem={problemFinding(endpoint, findings, certificateProblem(endpoint, report))}
            />
          )}
        </>
      ) : (
        <p className="warn-text">{t('wizard:review.missing-host')}</p>
      )}
    </section>
  );
}
