/**
 * Built-in provider knowledge: the catalogue, lookups by address domain, MX host and id, the
 * candidates a provider contributes to discovery, and the username forms verify may try.
 * Pure and browser-safe.
 */
import { substitutePlaceholders, type ParsedAddress } from '../address.ts';
import { autoconfigWord } from '../auth-method.ts';
import type { Candidate } from '../model.ts';
import { ICLOUD } from './catalog/apple.ts';
import { PROTON_BRIDGE, TUTA } from './catalog/encrypted.ts';
import { FASTMAIL } from './catalog/fastmail.ts';
import { MAIL_DE, POSTEO, T_ONLINE } from './catalog/german-mail.ts';
import { GMAIL, GOOGLE_WORKSPACE } from './catalog/google.ts';
import { HETZNER, STRATO } from './catalog/hosting.ts';
import { MAILBOX_ORG, PLENTYONE } from './catalog/mailbox-org.ts';
import { MICROSOFT_365, OUTLOOK } from './catalog/microsoft.ts';
import { ONOFFICE } from './catalog/onoffice.ts';
import { RUNBOX } from './catalog/runbox.ts';
import { GMX, GMX_COM, IONOS, WEB_DE } from './catalog/united-internet.ts';
import { AOL, YAHOO } from './catalog/yahoo-aol.ts';
import { YANDEX } from './catalog/yandex.ts';
import { ZOHO } from './catalog/zoho.ts';
import { endsWithLabels, matchDomain, matchMx, normaliseHost } from './match.ts';
import type { Provider, ServerTemplate } from './types.ts';

export type { Provider, ServerTemplate, GuideSpec, GuideCode, DnsRecord } from './types.ts';

/** Every built-in provider. Order matters only for equally specific MX patterns. */
export const PROVIDERS: readonly Provider[] = Object.freeze([
  MAILBOX_ORG,
  PLENTYONE,
  RUNBOX,
  ONOFFICE,
  GMAIL,
  GOOGLE_WORKSPACE,
  OUTLOOK,
  MICROSOFT_365,
  ICLOUD,
  YAHOO,
  AOL,
  GMX,
  GMX_COM,
  WEB_DE,
  T_ONLINE,
  IONOS,
  STRATO,
  POSTEO,
  FASTMAIL,
  ...ZOHO,
  PROTON_BRIDGE,
  YANDEX,
  MAIL_DE,
  HETZNER,
  TUTA,
]);

/** The provider of an address domain: exact match (or under a listed suffix), never a look-alike. */
export function findProviderByDomain(domain: string): Provider | undefined {
  return matchDomain(PROVIDERS, domain);
}

/** The provider hosting a domain whose MX is `mxHost` (suffix match on a label boundary). */
export function findProviderByMx(mxHost: string): Provider | undefined {
  return matchMx(PROVIDERS, mxHost)[0];
}

/**
 * All providers an MX host may stand for, best first: e.g. `mxext1.mailbox.org` is mailbox.org,
 * or a domain PlentyONE set up there. The UI can offer the second as "managed by PlentyONE?".
 */
export function findProvidersByMx(mxHost: string): Provider[] {
  return matchMx(PROVIDERS, mxHost);
}

export function findProviderById(id: string): Provider | undefined {
  return PROVIDERS.find((p) => p.id === id);
}

/** True when the address is at a custom domain the provider hosts, not at one of its own domains. */
export function isCustomDomain(provider: Provider, address: ParsedAddress): boolean {
  const domain = normaliseHost(address.domain);
  if (provider.domains.includes(domain)) return false;
  return !(provider.domainSuffixes ?? []).some(
    (suffix) => domain !== suffix && endsWithLabels(domain, suffix),
  );
}

/** The username template for an address: a custom domain may use its own form (Runbox). */
export function usernameTemplate(
  provider: Provider,
  template: ServerTemplate,
  address: ParsedAddress,
): string {
  const custom = provider.customDomainUsername;
  return custom && isCustomDomain(provider, address) ? custom : template.username;
}

function toCandidate(
  provider: Provider,
  template: ServerTemplate,
  address: ParsedAddress,
): Candidate {
  const methods = template.auth ?? [];
  const oauth2Only = methods.length > 0 && methods.every((method) => method === 'oauth2');
  return {
    protocol: template.protocol,
    host: template.host,
    port: template.port,
    security: template.security,
    username: substitutePlaceholders(usernameTemplate(provider, template, address), address),
    ...(oauth2Only ? { authMethod: 'oauth2' as const } : {}),
    auth: methods.map(autoconfigWord),
    source: 'provider',
    origin: `provider:${provider.id}`,
    trusted: true,
  };
}

/** The provider's documented servers as discovery candidates, best first, usernames filled in. */
export function providerCandidates(
  provider: Provider,
  address: ParsedAddress,
): { incoming: Candidate[]; outgoing: Candidate[] } {
  return {
    incoming: provider.incoming.map((t) => toCandidate(provider, t, address)),
    outgoing: provider.outgoing.map((t) => toCandidate(provider, t, address)),
  };
}

/** Most login attempts verify may spend on username forms (each failure counts at the server). */
export const MAX_USERNAME_VARIANTS = 3;

/**
 * The usernames to try, in order: the configured one, then the provider's documented form and its
 * allowed alternatives (for a custom domain, the custom-domain forms). Without provider knowledge:
 * the full address and the local part. De-duplicated, at most three.
 */
export function usernameVariants(
  provider: Provider | undefined,
  address: ParsedAddress,
  configured: string,
): string[] {
  let templates: string[];
  if (provider === undefined) {
    templates = ['%EMAILADDRESS%', '%EMAILLOCALPART%'];
  } else {
    const extra = isCustomDomain(provider, address)
      ? (provider.customDomainUsernameVariants ?? provider.usernameVariants ?? [])
      : (provider.usernameVariants ?? []);
    const first = provider.incoming[0] ?? provider.outgoing[0];
    const documented = first ? usernameTemplate(provider, first, address) : undefined;
    templates = [...(documented ? [documented] : []), ...extra];
  }
  const all = [configured, ...templates].map((t) => substitutePlaceholders(t, address).trim());
  return [...new Set(all.filter((name) => name !== ''))].slice(0, MAX_USERNAME_VARIANTS);
}
