/**
 * Where passwords are kept when the person asks for it: the OS keychain in the app
 * (`KeytarSecretStore`), memory in tests (`MemorySecretStore`). Every operation returns a result
 * value; a missing keychain is an expected outcome (`keychain-unavailable`), never a thrown error.
 * Secrets never appear in a result's `detail`.
 */

export type SecretErrorCode = 'keychain-unavailable' | 'keychain-error';

export type SecretResult<T = void> =
  { ok: true; value: T } | { ok: false; code: SecretErrorCode; detail: string };

export interface SecretStore {
  /** Stores (or replaces) the secret for an account. */
  save(account: string, secret: string): Promise<SecretResult>;
  /** The stored secret, or `null` when there is none. */
  load(account: string): Promise<SecretResult<string | null>>;
  /** Removes the secret; `value` says whether one existed. */
  delete(account: string): Promise<SecretResult<boolean>>;
}

/** The keychain service name all entries are filed under (the naming rule: shared/keychain.ts). */
export { KEYCHAIN_SERVICE as SECRET_SERVICE } from '../../../shared/keychain.ts';
