/**
 * Small helpers that keep the catalogue files short and their i18n keys regular:
 * a guide `code` of provider `id` with n steps uses the keys `${id}.${code}.title` and
 * `${id}.${code}.step1` … `step${n}` in the `providers` namespace.
 */
import type { AuthMethod, Protocol, Security } from '../../model.ts';
import type {
  DnsRecord,
  GuideCode,
  GuideSpec,
  Provider,
  ProviderDns,
  ServerTemplate,
} from '../types.ts';

export const FULL_ADDRESS = '%EMAILADDRESS%';
export const LOCAL_PART = '%EMAILLOCALPART%';

export function server(
  protocol: Protocol,
  host: string,
  port: number,
  security: Security,
  username: string = FULL_ADDRESS,
  auth?: AuthMethod[],
): ServerTemplate {
  return { protocol, host, port, security, username, ...(auth ? { auth } : {}) };
}

/** Servers that take OAuth2 (Thunderbird's sign-in) and a password (app password). */
export const OAUTH2_OR_PASSWORD: AuthMethod[] = ['oauth2', 'password-cleartext'];

/** The keys of one guide under `prefix` (a provider id, or `shared.<name>`). */
export function guideKeys(prefix: string, steps: number): { titleKey: string; stepKeys: string[] } {
  return {
    titleKey: `${prefix}.title`,
    stepKeys: Array.from({ length: steps }, (_, i) => `${prefix}.step${i + 1}`),
  };
}

/** A provider's own guide: keys `${id}.${code}.*`. */
export function guide(
  id: string,
  code: GuideCode,
  steps: number,
  extra: { url?: string; localUrls?: { de?: string }; records?: DnsRecord[] } = {},
): GuideSpec {
  return { code, ...guideKeys(`${id}.${code}`, steps), ...extra };
}

/**
 * A guide worded once for many providers (keys `shared.${name}.*`); the sentences name the
 * provider through the `{{provider}}` parameter.
 */
export function sharedGuide(
  name: string,
  code: GuideCode,
  steps: number,
  extra: { url?: string } = {},
): GuideSpec {
  return { code, ...guideKeys(`shared.${name}`, steps), ...extra };
}

/** Fills in the one-line summary note every provider has (`${id}.summary`). */
export function defineProvider(entry: Omit<Provider, 'notes'> & { notes?: string[] }): Provider {
  return { ...entry, notes: [`${entry.id}.summary`, ...(entry.notes ?? [])] };
}

/**
 * The records a hosted domain publishes for its provider, from the provider's DNS facts: the SPF
 * record with its include (soft fail for everything else), then each documented DKIM key.
 */
export function dnsRecordsOf(dns: ProviderDns): DnsRecord[] {
  const spf: DnsRecord[] = dns.spfInclude
    ? [{ type: 'TXT', name: '@', value: `v=spf1 include:${dns.spfInclude} ~all` }]
    : [];
  const dkim: DnsRecord[] = Object.entries(dns.dkimRecords ?? {}).map(([selector, value]) => ({
    type: 'TXT',
    name: `${selector}._domainkey`,
    value,
  }));
  return [...spf, ...dkim];
}
