import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../electron/engine/secrets/memory-store.ts';
import { keychainAccount } from '../../../shared/keychain.ts';

describe('MemorySecretStore', () => {
  it('saves, loads, replaces and deletes', async () => {
    const store = new MemorySecretStore();
    const account = keychainAccount('alice@good.test', {
      protocol: 'imap',
      host: 'Mail.Good.test',
    });
    expect(account).toBe('imap://alice@good.test@mail.good.test');
    expect(await store.load(account)).toEqual({ ok: true, value: null });
    expect(await store.save(account, 's1')).toEqual({ ok: true, value: undefined });
    await store.save(account, 's2');
    expect(await store.load(account)).toEqual({ ok: true, value: 's2' });
    expect(await store.delete(account)).toEqual({ ok: true, value: true });
    expect(await store.delete(account)).toEqual({ ok: true, value: false });
    expect(store.size).toBe(0);
  });

  it('simulates a machine without a keychain', async () => {
    const store = new MemorySecretStore({ unavailable: true });
    const result = await store.save('a', 'secret');
    expect(result).toMatchObject({ ok: false, code: 'keychain-unavailable' });
    expect(JSON.stringify(result)).not.toContain('secret"');
  });
});
