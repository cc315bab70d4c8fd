/**
 * The one naming rule for passwords in the system keychain, used by the CLI (`--save-password`)
 * and the app (`secret:*`), so that each finds what the other saved. Entries are filed under the
 * service `KEYCHAIN_SERVICE`, one per account and incoming server:
 *
 *   `<protocol>://<address>@<host>`   e.g. `imap://anna@example.org@imap.example.org`
 *
 * The person's address (as `shared/address.ts` parses it) names the account, not the login's
 * username form, which can differ between tries (`anna`, `anna@example.org`, `anna%example.org`)
 * while the password is the same. The incoming server's protocol and host keep two accounts with
 * the same address on different servers apart. Host names compare without case.
 */
import type { Endpoint } from './model.ts';

/** The keychain service name all entries are filed under. */
export const KEYCHAIN_SERVICE = 'Mail Setup Wizard';

/** The keychain account name for `address` on its incoming server. */
export function keychainAccount(
  address: string,
  incoming: Pick<Endpoint, 'protocol' | 'host'>,
): string {
  return `${incoming.protocol}://${address}@${incoming.host.toLowerCase()}`;
}
