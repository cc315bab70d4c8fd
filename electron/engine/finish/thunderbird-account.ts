/**
 * What adding one account to an existing Thunderbird profile changes, decided from the prefs the
 * profile already has. Pure: prefs in, a plan out.
 *
 * - The same account already there (an account in `mail.accountmanager.accounts` whose incoming
 *   server has the same type, host and user name) → nothing to do.
 * - Otherwise new keys that nothing in the profile uses (`accountN`, `serverN`, `idN`, `smtpN`,
 *   the lowest free number, as Thunderbird's own account manager picks them), the account's prefs
 *   from the shared builder, and the two lists with the new keys appended. An outgoing server the
 *   profile already has with the same host, port, security and user name is reused.
 */
import type { AccountSettings } from '../../../shared/model.ts';
import {
  ACCOUNTS_PREF,
  SMTP_SERVERS_PREF,
  SOCKET_TYPE,
  accountPrefs,
  keyList,
  type AccountKeys,
  type Pref,
  type PrefValue,
} from '../../../shared/export/thunderbird-prefs.ts';

export type AdditionPlan =
  | { status: 'already-present'; accountKey: string }
  | { status: 'add'; keys: AccountKeys; changes: Pref[] };

type Prefs = ReadonlyMap<string, PrefValue>;

const same = (a: PrefValue | undefined, b: string): boolean =>
  typeof a === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The account of `settings` among the profile's accounts, if it is there. */
export function findExistingAccount(prefs: Prefs, settings: AccountSettings): string | null {
  const { incoming } = settings;
  for (const account of keyList(prefs.get(ACCOUNTS_PREF))) {
    const server = prefs.get(`mail.account.${account}.server`);
    if (typeof server !== 'string' || !server) continue;
    const base = `mail.server.${server}`;
    if (!same(prefs.get(`${base}.type`), incoming.protocol)) continue;
    const host = prefs.get(`${base}.hostname`);
    // Thunderbird splits a `host:port` value itself; compare the host part.
    const hostOnly = typeof host === 'string' ? host.replace(/:\d+$/, '') : host;
    if (!same(hostOnly, incoming.host)) continue;
    if (!same(prefs.get(`${base}.userName`), incoming.username)) continue;
    return account;
  }
  return null;
}

/** The lowest `<stem>N` (N ≥ 1) not in `taken` and with no pref under `<branch><stem>N.`. */
function freeKey(
  stem: string,
  branch: string,
  taken: ReadonlySet<string>,
  names: string[],
): string {
  for (let n = 1; ; n += 1) {
    const key = `${stem}${n}`;
    const prefix = `${branch}${key}.`;
    if (!taken.has(key) && !names.some((name) => name.startsWith(prefix))) return key;
  }
}

/** The key of an outgoing server of the profile that is exactly the one wanted, if any. */
function matchingSmtp(prefs: Prefs, settings: AccountSettings): string | null {
  const { outgoing } = settings;
  for (const key of keyList(prefs.get(SMTP_SERVERS_PREF))) {
    const base = `mail.smtpserver.${key}`;
    const type = prefs.get(`${base}.type`);
    if (type !== undefined && type !== 'smtp') continue;
    if (!same(prefs.get(`${base}.hostname`), outgoing.host)) continue;
    if (prefs.get(`${base}.port`) !== outgoing.port) continue;
    if ((prefs.get(`${base}.try_ssl`) ?? 0) !== SOCKET_TYPE[outgoing.security]) continue;
    if (!same(prefs.get(`${base}.username`), outgoing.username)) continue;
    return key;
  }
  return null;
}

/**
 * The plan for adding `settings` to a profile with `prefs` (prefs.js, plus anything user.js sets:
 * keys it uses are taken too).
 */
export function planAddition(prefs: Prefs, settings: AccountSettings): AdditionPlan {
  const existing = findExistingAccount(prefs, settings);
  if (existing) return { status: 'already-present', accountKey: existing };

  const names = [...prefs.keys()];
  const accounts = keyList(prefs.get(ACCOUNTS_PREF));
  const smtpServers = keyList(prefs.get(SMTP_SERVERS_PREF));
  const serversInUse = new Set<string>();
  const identitiesInUse = new Set<string>();
  for (const [name, value] of prefs) {
    if (typeof value !== 'string') continue;
    if (/^mail\.account\.[^.]+\.server$/.test(name)) serversInUse.add(value);
    if (/^mail\.account\.[^.]+\.identities$/.test(name)) {
      for (const id of keyList(value)) identitiesInUse.add(id);
    }
  }
  const reusedSmtp = matchingSmtp(prefs, settings);
  const keys: AccountKeys = {
    account: freeKey('account', 'mail.account.', new Set(accounts), names),
    server: freeKey('server', 'mail.server.', serversInUse, names),
    identity: freeKey('id', 'mail.identity.', identitiesInUse, names),
    smtp: reusedSmtp ?? freeKey('smtp', 'mail.smtpserver.', new Set(smtpServers), names),
  };
  const groups = accountPrefs(settings, keys);
  const changes: Pref[] = [
    [ACCOUNTS_PREF, [...accounts, keys.account].join(',')],
    ...groups.account,
    ...groups.server,
    ...groups.identity,
  ];
  if (!reusedSmtp) {
    changes.push([SMTP_SERVERS_PREF, [...smtpServers, keys.smtp].join(',')], ...groups.smtp);
  }
  return { status: 'add', keys, changes };
}

/** The mail addresses of a profile's accounts (their identities), in account order. */
export function accountAddresses(prefs: Prefs): string[] {
  const out: string[] = [];
  for (const account of keyList(prefs.get(ACCOUNTS_PREF))) {
    for (const id of keyList(prefs.get(`mail.account.${account}.identities`))) {
      const email = prefs.get(`mail.identity.${id}.useremail`);
      if (typeof email === 'string' && email && !out.includes(email)) out.push(email);
    }
  }
  return out;
}
