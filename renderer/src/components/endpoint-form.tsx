/** The manual form for one server: protocol, host, port, security and user name. */
import { useTranslation } from 'react-i18next';
import type { Endpoint, Protocol, Security } from '../../../shared/model.ts';
import { useApp } from '../store/context.tsx';
import type { Side } from '../store/settings-slice.ts';

const SECURITIES: Security[] = ['tls', 'starttls', 'plain'];
const INCOMING: Protocol[] = ['imap', 'pop3'];

/** A select of fixed options with its label. */
function SelectField<V extends string>({
  id,
  label,
  value,
  options,
  optionLabel,
  onChange,
}: {
  id: string;
  label: string;
  value: V;
  options: readonly V[];
  optionLabel: (option: V) => string;
  onChange: (value: V) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The error line under a field, named by the field's aria-describedby. */
function FieldError({ id, text }: { id: string; text: string }) {
  return (
    <p className="field-error" id={id}>
      {text}
    </p>
  );
}

/** A required text field (host name, user name) with its label and "required" error. */
function RequiredTextField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const missing = value.trim() === '';
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        spellCheck={false}
        autoCapitalize="off"
        value={value}
        aria-invalid={missing}
        aria-describedby={missing ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {missing && <FieldError id={`${id}-error`} text={t('wizard:review.required')} />}
    </div>
  );
}

export function EndpointForm({ side, endpoint }: { side: Side; endpoint: Endpoint }) {
  const { t } = useTranslation();
  const update = useApp((s) => s.updateEndpoint);
  const id = (field: string) => `${side}-${field}`;
  const portValid = Number.isInteger(endpoint.port) && endpoint.port >= 1 && endpoint.port <= 65535;
  return (
    <fieldset className="endpoint-form" data-testid={`form-${side}`}>
      <legend>{t(`wizard:review.${side}`)}</legend>
      {side === 'incoming' && (
        <SelectField
          id={id('protocol')}
          label={t('wizard:review.protocol')}
          value={endpoint.protocol}
          options={INCOMING}
          optionLabel={(p) => t(`wizard:review.protocol-options.${p}`)}
          onChange={(protocol) => update(side, { protocol })}
        />
      )}
      <RequiredTextField
        id={id('host')}
        label={t('wizard:review.server')}
        value={endpoint.host}
        onChange={(host) => update(side, { host: host.trim() })}
      />
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
            <FieldError id={id('port-error')} text={t('wizard:review.invalid-port')} />
          )}
        </div>
        <SelectField
          id={id('security')}
          label={t('wizard:review.security')}
          value={endpoint.security}
          options={SECURITIES}
          optionLabel={(s) => t(`wizard:review.security-options.${s}`)}
          onChange={(security) => update(side, { security })}
        />
      </div>
      <RequiredTextField
        id={id('username')}
        label={t('wizard:review.username')}
        value={endpoint.username}
        onChange={(username) => update(side, { username })}
      />
    </fieldset>
  );
}
