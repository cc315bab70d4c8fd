/**
 * How each exported file says "log in": Thunderbird signs in with OAuth2 to the hosts it knows
 * an OAuth2 issuer for (Thunderbird 153, `OAuth2Providers.sys.mjs`: a host matches an entry or
 * lies under it), so for those the profile says OAuth2 instead of a password that the provider
 * refuses (Microsoft) or takes only as an app password (Google, Yahoo, AOL). Files of clients
 * that cannot express OAuth2 (classic Outlook's PRF, Apple profiles, Autodiscover) are not made
 * for a server that takes OAuth2 only. Pure.
 */
import { takesPassword } from '../auth-method.ts';
import type { AccountSettings, Endpoint } from '../model.ts';
import { PROVIDERS } from '../providers/index.ts';
import { endsWithLabels } from '../providers/match.ts';
import type { ExportNote } from './types.ts';

/** The mail entries of Thunderbird 153's OAuth2 host map (kHostnames). */
export const THUNDERBIRD_OAUTH2_HOSTS: readonly string[] = [
  'googlemail.com',
  'gmail.com',
  'imap.mail.ru',
  'smtp.mail.ru',
  'imap.yandex.com',
  'smtp.yandex.com',
  'yahoo.com',
  'att.net',
  'aol.com',
  'office365.com',
  'outlook.com',
  'hotmail.com',
  'imap.fastmail.com',
  'pop.fastmail.com',
  'smtp.fastmail.com',
  'imap.comcast.net',
  'pop.comcast.net',
  'smtp.comcast.net',
];

/** Thunderbird knows an OAuth2 issuer for this host. */
export function thunderbirdKnowsOAuth2(host: string): boolean {
  return THUNDERBIRD_OAUTH2_HOSTS.some((entry) => endsWithLabels(host, entry));
}

/** Thunderbird signs in to this endpoint with OAuth2. */
export function thunderbirdOAuth2(endpoint: Endpoint): boolean {
  return endpoint.authMethod === 'oauth2' || thunderbirdKnowsOAuth2(endpoint.host);
}

/** nsMsgAuthMethod: passwordCleartext 3, passwordEncrypted 4, OAuth2 10. */
export function thunderbirdAuthMethod(endpoint: Endpoint): number {
  if (thunderbirdOAuth2(endpoint)) return 10;
  return endpoint.authMethod === 'password-encrypted' ? 4 : 3;
}

/** The brand whose servers these are (catalogue), else the host itself. */
export function providerNameOf(host: string): string {
  const name = host.toLowerCase();
  const provider = PROVIDERS.find((p) =>
    [...p.incoming, ...p.outgoing].some((server) => server.host === name),
  );
  return provider?.name ?? host;
}

/** The first endpoint of the account that takes OAuth2 only, if any. */
export function oauth2OnlyEndpoint(settings: AccountSettings): Endpoint | undefined {
  return [settings.incoming, settings.outgoing].find((ep) => !takesPassword(ep));
}

/** The note saying that Thunderbird opens the provider's sign-in page, when it will. */
export function thunderbirdSignInNotes(settings: AccountSettings): ExportNote[] {
  const endpoint = [settings.incoming, settings.outgoing].find(thunderbirdOAuth2);
  if (!endpoint) return [];
  return [
    {
      code: 'oauth2-sign-in',
      severity: 'info',
      format: 'thunderbird',
      params: { host: endpoint.host, provider: providerNameOf(endpoint.host) },
    },
  ];
}

/** The note replacing a file a client cannot use for an OAuth2-only server. */
export function oauth2OnlyNote(
  code: 'oauth2-outlook' | 'oauth2-apple',
  format: 'outlook' | 'apple',
  endpoint: Endpoint,
): ExportNote {
  return {
    code,
    severity: 'info',
    format,
    params: { host: endpoint.host, provider: providerNameOf(endpoint.host) },
  };
}
