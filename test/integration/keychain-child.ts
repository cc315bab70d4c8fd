/**
 * Child process of the keychain test: a save/load/delete round trip through the real
 * KeytarSecretStore, in whatever D-Bus/keyring environment the parent set up. Prints one JSON
 * object with the results (the secret itself is never printed, only whether it came back).
 */
import { KeytarSecretStore } from '../../electron/engine/secrets/keytar-store.ts';

const account = process.argv[2] ?? 'imap://test@mail.good.test';
const secret = process.argv[3] ?? 'round-trip-secret';
const store = new KeytarSecretStore({ service: 'Mail Setup Wizard (test)', timeoutMs: 15_000 });

const saved = await store.save(account, secret);
const loaded = await store.load(account);
const deleted = await store.delete(account);
const afterDelete = await store.load(account);

const summary = (result: { ok: boolean } & Record<string, unknown>) =>
  result.ok ? { ok: true } : { ok: false, code: result.code, detail: result.detail };

process.stdout.write(
  `${JSON.stringify({
    saved: summary(saved),
    loadedMatches: loaded.ok && loaded.value === secret,
    loaded: summary(loaded),
    deleted: deleted.ok ? deleted.value : summary(deleted),
    afterDelete: afterDelete.ok ? afterDelete.value : summary(afterDelete),
  })}\n`,
);
