/**
 * Child process of the keychain test: the CLI and the app share one keychain naming rule. Against
 * the real Secret Service the parent set up, it saves a password the way `mailsetup check
 * --save-password` does and lets the wizard's store (the renderer's code, with `secret:*`
 * answered by main's handlers over the same keychain) find it on reaching the password step; then
 * the wizard saves one and the CLI's name finds it; and a second account with the same address on
 * another server does not overwrite the first. Prints one JSON object (no secret, only matches).
 */
import { parseAddress } from '../../shared/address.ts';
import { rememberPassword } from '../../electron/cli/verify-step.ts';
import { KeytarSecretStore } from '../../electron/engine/secrets/keytar-store.ts';
import { secretHandlers } from '../../electron/handlers/secret.ts';
import type { HandlerContext } from '../../electron/ipc.ts';
import type { MailSetupApi } from '../../shared/ipc.ts';
import { createAppStore } from '../../renderer/src/store/index.ts';
import { keychainAccount } from '../../shared/keychain.ts';
import {
  checkReport,
  createFakeApi,
  endpoint,
  flush,
  verifyReport,
} from '../unit/renderer/fake-api.ts';

const ADDRESS = 'alice@good.test';
const parsed = parseAddress(ADDRESS);
if (!parsed.ok) throw new Error('address');
const incoming = endpoint('imap', 'mail.good.test', 993, 'tls', ADDRESS);
const outgoing = endpoint('smtp', 'mail.good.test', 465, 'tls', ADDRESS);
const elsewhere = endpoint('imap', 'imap.other.test', 993, 'tls', ADDRESS);

const keychain = new KeytarSecretStore({ service: 'Mail Setup Wizard', timeoutMs: 15_000 });

/** The wizard's store with `secret:*` answered by main's handlers on the real keychain. */
function wizard() {
  const fake = createFakeApi();
  const handlers = secretHandlers(keychain);
  const context = {
    signal: new AbortController().signal,
    emit: () => undefined,
  } as unknown as HandlerContext;
  const api: MailSetupApi = {
    ...fake.api,
    saveSecret: (request) => handlers['secret:save'](request, context),
    loadSecret: (request) => handlers['secret:load'](request, context),
    deleteSecret: (request) => handlers['secret:delete'](request, context),
  };
  fake.answer('runCheck', {
    ok: true,
    value: checkReport({
      address: ADDRESS,
      domain: 'good.test',
      recommended: { incoming, outgoing, username: ADDRESS },
    }),
  });
  fake.answer('runVerify', { ok: true, value: verifyReport() });
  const store = createAppStore({
    api,
    exporter: () => ({ files: [], notes: [] }),
    language: 'en',
  });
  return () => store.getState();
}

/** Address, discovery, review, password step: where the wizard asks the keychain. */
async function toPasswordStep(s: ReturnType<typeof wizard>): Promise<void> {
  s().setAddress(ADDRESS);
  s().submitAddress();
  await flush(20);
  s().next();
  s().next();
  await flush(20);
}

// 1. Saved by the CLI, found by the wizard.
const cliSaved = await rememberPassword(keychain, parsed.value, incoming, 'cli-Secret-1');
const first = wizard();
await toPasswordStep(first);
const wizardFoundCli = first().password === 'cli-Secret-1' && first().fromKeychain;

// 2. Saved by the wizard (after a working login, when asked), found under the CLI's name.
const second = wizard();
await toPasswordStep(second);
second().setPassword('app-Secret-2');
second().setRemember(true);
second().next();
await flush(40);
const underCliName = await keychain.load(keychainAccount(ADDRESS, incoming));
const cliFindsWizard = underCliName.ok && underCliName.value === 'app-Secret-2';

// 3. The same address on another server is another entry.
await rememberPassword(keychain, parsed.value, elsewhere, 'other-Secret-3');
const stillFirst = await keychain.load(keychainAccount(ADDRESS, incoming));
const otherKept = await keychain.load(keychainAccount(ADDRESS, elsewhere));

process.stdout.write(
  `${JSON.stringify({
    cliSaved: cliSaved.ok ? { ok: true } : { ok: false, code: cliSaved.code },
    wizardFoundCli,
    wizardKeychain: second().keychain.status,
    cliFindsWizard,
    separateServers:
      stillFirst.ok &&
      stillFirst.value === 'app-Secret-2' &&
      otherKept.ok &&
      otherKept.value === 'other-Secret-3',
  })}\n`,
);
