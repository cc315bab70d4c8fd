/**
 * The one place that knows how a mail account is spelled in Thunderbird preferences: the pref
 * names and numeric values Thunderbird itself reads (socketType/try_ssl 0/2/3, authMethod 3/4/10,
 * `userName` for incoming but `username` for SMTP), keyed by the account's own keys (`account3`,
 * `server3`, `id2`, `smtp2`). The user.js exporter (a new profile) and the prefs.js writer (an
 * existing profile, `electron/engine/finish/`) both build their lines from here. Thunderbird keeps
 * passwords in its login manager, never in prefs, so none is ever written. Pure, browser-safe.
 */
import type { AccountSettings, Endpoint, Security } from '../model.ts';
import { thunderbirdAuthMethod } from './login-method.ts';

/** A pref value as the Mozilla pref parser knows them. */
export type PrefValue = string | number | boolean;
export type Pref = readonly [name: string, value: PrefValue];

/** nsMsgSocketType: 0 plain, 2 alwaysSTARTTLS, 3 SSL. 1 (trySTARTTLS) no longer exists. */
export const SOCKET_TYPE: Record<Security, number> = { plain: 0, starttls: 2, tls: 3 };

/** The pref lists every account and outgoing server is registered in. */
export const ACCOUNTS_PREF = 'mail.accountmanager.accounts';
export const SMTP_SERVERS_PREF = 'mail.smtpservers';

/** The keys of one account's parts. */
export interface AccountKeys {
  account: string;
  server: string;
  identity: string;
  smtp: string;
}

/**
 * nsMsgAuthMethod of an endpoint: 3 password, 4 encrypted password, 10 OAuth2 for the hosts
 * Thunderbird has an OAuth2 issuer for (see login-method.ts).
 */
export function authMethodOf(endpoint: Endpoint): number {
  return thunderbirdAuthMethod(endpoint);
}

/**
 * A JavaScript string literal the Mozilla pref parser reads back exactly: quotes, backslashes and
 * control characters escaped, everything else as UTF-8 text.
 */
export function prefString(value: string): string {
  const escaped = value.replace(
    // eslint-disable-next-line no-control-regex
    /["\\\u0000-\u001F\u007F\u2028\u2029]/g,
    (ch) => {
      if (ch === '"' || ch === '\\') return `\\${ch}`;
      if (ch === '\n') return '\\n';
      if (ch === '\r') return '\\r';
      return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    },
  );
  return `"${escaped}"`;
}

/** One `user_pref(...)` statement (the form of both user.js and prefs.js). */
export function userPrefLine(name: string, value: PrefValue): string {
  const literal = typeof value === 'string' ? prefString(value) : String(value);
  return `user_pref(${prefString(name)}, ${literal});`;
}

/** The prefs of one account, in groups: account, incoming server, identity, outgoing server. */
export interface AccountPrefGroups {
  account: Pref[];
  server: Pref[];
  identity: Pref[];
  smtp: Pref[];
}

/**
 * Everything one account needs besides the two lists (`mail.accountmanager.accounts`,
 * `mail.smtpservers`), which the caller owns because it knows what else is in them.
 */
export function accountPrefs(settings: AccountSettings, keys: AccountKeys): AccountPrefGroups {
  const { incoming, outgoing, address } = settings;
  const server = `mail.server.${keys.server}`;
  const identity = `mail.identity.${keys.identity}`;
  const smtp = `mail.smtpserver.${keys.smtp}`;
  return {
    account: [
      [`mail.account.${keys.account}.server`, keys.server],
      [`mail.account.${keys.account}.identities`, keys.identity],
    ],
    server: [
      [`${server}.type`, incoming.protocol],
      [`${server}.hostname`, incoming.host],
      [`${server}.port`, incoming.port],
      [`${server}.socketType`, SOCKET_TYPE[incoming.security]],
      [`${server}.authMethod`, authMethodOf(incoming)],
      [`${server}.userName`, incoming.username],
      [`${server}.name`, address],
      [`${server}.login_at_startup`, true],
      ...(incoming.protocol === 'pop3' ? [[`${server}.leave_on_server`, true] as const] : []),
    ],
    identity: [
      [`${identity}.useremail`, address],
      [`${identity}.fullName`, settings.displayName ?? ''],
      [`${identity}.smtpServer`, keys.smtp],
      [`${identity}.valid`, true],
    ],
    smtp: [
      [`${smtp}.hostname`, outgoing.host],
      [`${smtp}.port`, outgoing.port],
      [`${smtp}.try_ssl`, SOCKET_TYPE[outgoing.security]],
      [`${smtp}.authMethod`, authMethodOf(outgoing)],
      [`${smtp}.username`, outgoing.username],
      [`${smtp}.description`, address],
    ],
  };
}

/** Splits a comma-separated key list pref (`account1,account2`), dropping empty entries. */
export function keyList(value: PrefValue | undefined): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
}
