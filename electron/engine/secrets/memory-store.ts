/**
 * A SecretStore in memory, for tests and for the end-to-end runs in a browser without a keychain.
 * `unavailable` simulates a machine without a keychain.
 */
import type { SecretResult, SecretStore } from './secret-store.ts';

export class MemorySecretStore implements SecretStore {
  readonly #items = new Map<string, string>();
  readonly #unavailable: boolean;

  constructor(options: { unavailable?: boolean } = {}) {
    this.#unavailable = options.unavailable ?? false;
  }

  #refuse<T>(): SecretResult<T> | null {
    return this.#unavailable
      ? {
          ok: false,
          code: 'keychain-unavailable',
          detail: 'memory store configured as unavailable',
        }
      : null;
  }

  async save(account: string, secret: string): Promise<SecretResult> {
    const refused = this.#refuse<void>();
    if (refused) return refused;
    this.#items.set(account, secret);
    return { ok: true, value: undefined };
  }

  async load(account: string): Promise<SecretResult<string | null>> {
    return this.#refuse<string | null>() ?? { ok: true, value: this.#items.get(account) ?? null };
  }

  async delete(account: string): Promise<SecretResult<boolean>> {
    return this.#refuse<boolean>() ?? { ok: true, value: this.#items.delete(account) };
  }

  /** How many secrets are held (for tests). */
  get size(): number {
    return this.#items.size;
  }
}
