/** `secret:*`: the OS keychain through the engine's `SecretStore`. Passwords never reach a log. */
import type { SecretStore } from '../engine/secrets/secret-store.ts';
import type { Handlers } from '../ipc.ts';

export function secretHandlers(
  store: SecretStore,
): Pick<Handlers, 'secret:save' | 'secret:load' | 'secret:delete'> {
  return {
    'secret:save': async ({ account, password }) => {
      const result = await store.save(account, password);
      return result.ok ? { ok: true, value: true } : result;
    },
    'secret:load': async ({ account }) => store.load(account),
    'secret:delete': async ({ account }) => store.delete(account),
  };
}
