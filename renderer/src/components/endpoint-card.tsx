/** One chosen server in plain words: what it is, how it is secured (as the probe saw it), where
 * the setting came from and what is wrong with it. Nothing is said about a server no probe saw
 * but "not checked yet"; the confirmations live below the cards, one per host and risk. */
import { useTranslation } from 'react-i18next';
import type { Endpoint } from '../../../shared/model.ts';
import type { CheckReport } from '../../../shared/reports.ts';
import { candidateFor, cardFindings, endpointBadge } from '../store/endpoint-risk.ts';
import type { Side } from '../store/settings-slice.ts';
import { FindingList } from './finding-list.tsx';
import { SecurityBadge } from './security-badge.tsx';

/** The probe's answer on exactly this host and port, if any. */
function probedPort(endpoint: Endpoint, report: CheckReport | null) {
  const probe = report?.probes.find((p) => p.host.toLowerCase() === endpoint.host.toLowerCase());
  return probe?.ports.find((p) => p.port === endpoint.port) ?? null;
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
  const findings = cardFindings(endpoint, report);
  const badge = endpointBadge(endpoint, report);
  const port = probedPort(endpoint, report);
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
          {/* "Encrypted" needs no explanation; every other badge says what it means. */}
          <SecurityBadge
            security={endpoint.security}
            badge={badge}
            explain={badge !== 'encrypted'}
          />
          <dl className="facts">
            <dt>{t('wizard:review.username')}</dt>
            <dd>{endpoint.username}</dd>
            {/* Where a setting came from matters when that source cannot be verified. */}
            {candidate && !candidate.trusted && (
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
          {/* The engine's finding says it better where there is one. */}
          {port && port.status !== 'ok' && findings.length === 0 && (
            <p className="error-text" data-testid={`port-problem-${side}`}>
              {t('wizard:review.port-problem', {
                host: endpoint.host,
                port: endpoint.port,
                status: t(`wizard:port-status.${port.status}`),
              })}
            </p>
          )}
          {findings.length > 0 && (
            <>
              <h3>{t('wizard:review.problems')}</h3>
              <FindingList findings={findings} />
            </>
          )}
          {/* "No problems" only for a checked server that is really fine. */}
          {findings.length === 0 &&
            (badge === 'encrypted' || badge === 'starttls') &&
            port?.status === 'ok' && <p className="ok-text">{t('wizard:review.no-problems')}</p>}
        </>
      ) : (
        <p className="warn-text">{t('wizard:review.missing-host')}</p>
      )}
    </section>
  );
}
