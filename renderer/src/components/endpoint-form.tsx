/** The manual form for one server: protocol, host, port, security and user name. */
import { useTranslation } from 'react-i18next';
import type { Endpoint, Protocol, Security } from '../../../shared/model.ts';
import { useApp } from '../store/context.tsx';
import type { Side } from '../store/settings-slice.ts';

const SECURITIES: Security[] = ['tls', 'starttls', 'plain'];
const INCOMING: Protocol[] = ['imap', 'pop3'];

export function EndpointForm({ side, endpoint }: { side: Side; endpoint: Endpoint }) {
  const { t } = useTranslation();
  const update = useApp((s) => s.updateEndpoint);
  const id = (field: string) => `${side}-${field}`;
  const portValid = Number.isInteger(endpoint.port) && endpoint.port >= 1 && endpoint.port <= 65535;
  const hostMissing = endpoint.host.trim() === '';
  const userMissing = endpoint.username.trim() === '';
  return (
    <fieldset className="endpoint-form" data-testid={`form-${side}`}>
      <legend>{t(`wizard:review.${side}`)}</legend>
      {side === 'incoming' && (
        <div className="field">
          <label htmlFor={id('protocol')}>{t('wizard:review.protocol')}</label>
          <select
            id={id('protocol')}
            value={endpoint.protocol}
            onChange={(e) => update(side, { protocol: e.target.value as Protocol })}
          >
            {INCOMING.map((p) => (
              <option key={p} value={p}>
                {t(`wizard:review.protocol-options.${p}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={id('host')}>{t('wizard:review.server')}</label>
        <input
          id={id('host')}
          type="text"
          spellCheck={false}
          autoCapitalize="off"
          value={endpoint.host}
          aria-invalid={hostMissing}
          aria-describedby={hostMissing ? id('host-error') : undefined}
          onChange={(e) => update(side, { host: e.target.value.trim() })}
        />
        {hostMissing && (
          <p className="field-error" id={id('host-error')}>
            {t('wizard:review.required')}
          </p>
        )}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={id('port')}>{t('wizard:review.port')}</label>
          <input
            id={id('port')}
            type="number"
            inputMode="numeric"
            min={1}
            max={65535}
            value={Number.isFinite(endpoint.port) ? endpoint.port : ''}
            aria-invalid={!portValid}
            aria-describedby={portValid ? undefined : id('port-error')}
            onChange={(e) =>
              update(side, { port: e.target.value === '' ? NaN : Number(e.target.value) })
            }
          />
          {!portValid && (
            <p className="field-error" id={id('port-error')}>
              {t('wizard:review.invalid-port')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={id('security')}>{t('wizard:review.security')}</label>
          <select
            id={id('security')}
            value={endpoint.security}
            onChange={(e) => update(side, { security: e.target.value as Security })}
          >
            {SECURITIES.map((s) => (
              <option key={s} value={s}>
                {t(`wizard:review.security-options.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={id('username')}>{t('wizard:review.username')}</label>
        <input
          id={id('username')}
          type="text"
          spellCheck={false}
          autoCapitalize="off"
          value={endpoint.username}
          aria-invalid={userMissing}
          aria-describedby={userMissing ? id('username-error') : undefined}
          onChange={(e) => update(side, { username: e.target.value })}
        />
        {userMissing && (
          <p className="field-error" id={id('username-error')}>
            {t('wizard:review.required')}
          </p>
        )}
      </div>
    </fieldset>
  );
}
