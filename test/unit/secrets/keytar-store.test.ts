import { describe, expect, it } from 'vitest';
import {
  KeytarSecretStore,
  type KeytarApi,
} from '../../../electron/engine/secrets/keytar-store.ts';

function fakeKeytar(failure?: Error): KeytarApi & { items: Map<string, string> } {
  const items = new Map<string, string>();
  const guard = () => {
    if (failure) throw failure;
  };
  return {
    items,
    async getPassword(service, account) {
      guard();
      return items.get(`${service}/${account}`) ?? null;
    },
    async setPassword(service, account, password) {
      guard();
      items.set(`${service}/${account}`, password);
    },
    async deletePassword(service, account) {
      guard();
      return items.delete(`${service}/${account}`);
    },
  };
}

describe('KeytarSecretStore (with a fake keytar)', () => {
  it('files secrets under its service name', async () => {
    const api = fakeKeytar();
    const store = new KeytarSecretStore({ service: 'svc', load: async () => api });
    expect(await store.save('acct', 'pw')).toEqual({ ok: true, value: undefined });
    expect(api.items.get('svc/acct')).toBe('pw');
    expect(await store.load('acct')).toEqual({ ok: true, value: 'pw' });
    expect(await store.delete('acct')).toEqual({ ok: true, value: true });
    expect(await store.load('acct')).toEqual({ ok: true, value: null });
  });

  it('reports a missing keytar module as keychain-unavailable', async () => {
    const store = new KeytarSecretStore({
      load: async () => {
        throw new Error("Cannot find module 'keytar'");
      },
    });
    expect(await store.load('a')).toMatchObject({ ok: false, code: 'keychain-unavailable' });
  });

  it.each([
    'Cannot autolaunch D-Bus without X11 $DISPLAY',
    'The name org.freedesktop.secrets was not provided by any .service files',
    'Object does not exist at path \u201c/org/freedesktop/secrets/collection/login\u201d',
  ])('maps "%s" to keychain-unavailable', async (message) => {
    const store = new KeytarSecretStore({ load: async () => fakeKeytar(new Error(message)) });
    const result = await store.save('a', 'the-secret');
    expect(result).toMatchObject({ ok: false, code: 'keychain-unavailable' });
    expect(JSON.stringify(result)).not.toContain('the-secret');
  });

  it('maps other failures to keychain-error and a hung keychain to a timeout', async () => {
    const failing = new KeytarSecretStore({ load: async () => fakeKeytar(new Error('boom')) });
    expect(await failing.load('a')).toEqual({ ok: false, code: 'keychain-error', detail: 'boom' });
    const hung: KeytarApi = {
      getPassword: () => new Promise(() => {}),
      setPassword: () => new Promise(() => {}),
      deletePassword: () => new Promise(() => {}),
    };
    const slow = new KeytarSecretStore({ load: async () => hung, timeoutMs: 50 });
    const started = Date.now();
    expect(await slow.load('a')).toMatchObject({ ok: false, code: 'keychain-error' });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
