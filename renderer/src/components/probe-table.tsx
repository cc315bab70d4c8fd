/** The helpdesk's full probe table: every port of every host with security, TLS, certificate,
 * authentication mechanisms and timing, as the final report has them. */
import { useTranslation } from 'react-i18next';
import { certificateAccepted } from '../../../shared/certificate.ts';
import type { PortResult, ProbeReport } from '../../../shared/model.ts';
import { Elapsed } from './elapsed.tsx';
import { StatusText } from './live-table.tsx';
import { SecurityBadge } from './security-badge.tsx';

function Certificate({ port }: { port: PortResult }) {
  const { t } = useTranslation();
  const tls = port.tls;
  if (!tls) return <span className="muted">{t('wizard:helpdesk.no-tls')}</span>;
  const cert = tls.certificate;
  const valid = certificateAccepted(tls);
  return (
    <span>
      <span className={valid ? 'ok-text' : 'error-text'}>
        {t(valid ? 'wizard:helpdesk.cert-valid' : 'wizard:helpdesk.cert-invalid')}
      </span>
      {tls.error && <span className="muted"> {tls.error}</span>}
      {cert && (
        <span className="cert-facts">
          {' '}
          {t('wizard:helpdesk.cert-facts', {
            issuer: cert.issuer,
            until: cert.validTo.slice(0, 10),
          })}
        </span>
      )}
      {tls.version && <span className="muted"> · {tls.version}</span>}
    </span>
  );
}

export function ProbeTable({ probes }: { probes: ProbeReport[] }) {
  const { t } = useTranslation();
  return (
    // A narrow window scrolls the table sideways (by keyboard too) instead of widening the page.
    <div className="table-scroll" role="region" aria-labelledby="probe-caption" tabIndex={0}>
      <table className="probe-table" data-testid="probe-table">
        <caption id="probe-caption">{t('wizard:helpdesk.probes')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('wizard:discovery.col-host')}</th>
            <th scope="col">{t('wizard:discovery.col-port')}</th>
            <th scope="col">{t('wizard:discovery.col-status')}</th>
            <th scope="col">{t('wizard:review.security')}</th>
            <th scope="col">{t('wizard:helpdesk.col-certificate')}</th>
            <th scope="col">{t('wizard:helpdesk.col-auth')}</th>
            <th scope="col">{t('wizard:discovery.col-time')}</th>
          </tr>
        </thead>
        <tbody>
          {probes.flatMap((probe) =>
            probe.ports.map((port) => (
              <tr key={`${probe.host}:${port.port}`} className={`row-${port.status}`}>
                <th scope="row">
                  {probe.host}
                  {probe.addresses.length > 0 && (
                    <span className="muted host-address"> {probe.addresses.join(', ')}</span>
                  )}
                </th>
                <td>
                  {port.port} {port.protocol.toUpperCase()}
                </td>
                <td>
                  <StatusText status={port.status} label={t(`wizard:port-status.${port.status}`)} />
                  {port.error && <span className="muted"> {port.error}</span>}
                </td>
                <td>{port.status === 'ok' ? <SecurityBadge security={port.security} /> : '—'}</td>
                <td>{port.status === 'ok' ? <Certificate port={port} /> : '—'}</td>
                <td>{port.auth.length > 0 ? port.auth.join(' ') : '—'}</td>
                <td>
                  <Elapsed ms={port.ms} />
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
