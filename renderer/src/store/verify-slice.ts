/**
 * The verify slice: the password (in memory only - this store is never persisted), the live login
 * test for incoming and outgoing mail, and saving the password to the system keychain when the
 * person asks for it and the login worked.
 */
import { parseConsent } from '../../../shared/consent.ts';
import type { MailSetupApi } from '../../../shared/ipc.ts';
import type { LoginResult, VerifyAnswer } from '../../../shared/reports.ts';
import { keychainAccount } from '../../../shared/keychain.ts';
import type { AppState, SliceCreator } from './app-state.ts';
import { newOperationId } from './operation-id.ts';
import { CONSENT_LIFTS } from '../../../shared/codes.ts';
import { effectiveReport } from './manual-check-slice.ts';
import { providerOf } from './provider.ts';
import { consentHost, insecureHosts } from './endpoint-risk.ts';

export interface LoginRow {
  status: 'waiting' | 'running' | 'ok' | 'failed';
  result: LoginResult | null;
}

export interface VerifyState {
  status: 'idle' | 'running' | 'done' | 'error';
  operationId: string | null;
  incoming: LoginRow;
  outgoing: LoginRow;
  report: VerifyAnswer | null;
  errorCode: string | null;
  errorDetail: string | null;
}

export interface KeychainState {
  status: 'idle' | 'saving' | 'saved' | 'deleted' | 'error';
  code: string | null;
}

export interface VerifySlice {
  password: string;
  remember: boolean;
  verify: VerifyState;
  keychain: KeychainState;
  setPassword(value: string): void;
  setRemember(on: boolean): void;
  startVerify(): Promise<void>;
  cancelVerify(): void;
  resetVerify(): void;
  /** Fills in a password the keychain remembers for this address (only when none is typed). */
  loadRemembered(): Promise<void>;
  /** The password field was filled from the keychain. */
  fromKeychain: boolean;
  /** Opens a provider's help page in the system browser (main checks it against its allow-list). */
  openHelp(url: string): Promise<void>;
  helpError: string | null;
}

const WAITING: LoginRow = { status: 'waiting', result: null };
const IDLE_VERIFY: VerifyState = {
  status: 'idle',
  operationId: null,
  incoming: WAITING,
  outgoing: WAITING,
  report: null,
  errorCode: null,
  errorDetail: null,
};

/** True when both logins of the last test worked. */
export function loginsOk(verify: VerifyState): boolean {
  return verify.incoming.status === 'ok' && verify.outgoing.status === 'ok';
}

/** The keychain name of the account being set up (shared/keychain.ts), once its server is known. */
function keychainAccountOf(state: AppState): string | null {
  const address = state.parsed?.address;
  const incoming = state.settings.incoming;
  return address && incoming?.host ? keychainAccount(address, incoming) : null;
}

function rowOf(result: LoginResult): LoginRow {
  return { status: result.ok ? 'ok' : 'failed', result };
}

export function createVerifySlice(api: MailSetupApi): SliceCreator<VerifySlice> {
  return (set, get) => {
    async function saveToKeychain(): Promise<void> {
      const account = keychainAccountOf(get());
      const password = get().password;
      if (!account || !password) return;
      set({ keychain: { status: 'saving', code: null } });
      const result = await api.saveSecret({ account, password }).catch((error: unknown) => ({
        ok: false as const,
        code: 'ipc-failed',
        detail: String(error),
      }));
      set({
        keychain: result.ok
          ? { status: 'saved', code: null }
          : { status: 'error', code: result.code },
      });
    }

    return {
      password: '',
      remember: false,
      verify: IDLE_VERIFY,
      keychain: { status: 'idle', code: null },
      helpError: null,
      fromKeychain: false,

      async loadRemembered() {
        const account = keychainAccountOf(get());
        if (!account || get().password) return;
        const result = await api.loadSecret({ account }).catch(() => null);
        if (
          !result?.ok ||
          !result.value ||
          get().password ||
          keychainAccountOf(get()) !== account
        ) {
          return;
        }
        set({
          password: result.value,
          remember: true,
          fromKeychain: true,
          keychain: { status: 'saved', code: null },
        });
      },

      async openHelp(url) {
        const result = await api
          .openHelp({ url })
          .catch(() => ({ ok: false as const, code: 'ipc-failed' }));
        set({ helpError: result.ok ? null : result.code });
      },

      setPassword(value) {
        set({ password: value.slice(0, 1024), fromKeychain: false });
      },

      setRemember(on) {
        set({ remember: on });
        const account = keychainAccountOf(get());
        if (on && loginsOk(get().verify)) void saveToKeychain();
        if (!on && account && get().keychain.status === 'saved') {
          void api
            .deleteSecret({ account })
            .then((r) =>
              set({
                keychain: r.ok
                  ? { status: 'deleted', code: null }
                  : { status: 'error', code: r.code },
              }),
            )
            .catch(() => set({ keychain: { status: 'error', code: 'ipc-failed' } }));
        }
      },

      async startVerify() {
        const state = get();
        const { incoming, outgoing, consents } = state.settings;
        const address = state.parsed?.address;
        if (!incoming || !outgoing || !address || !state.password) return;
        if (state.verify.status === 'running') state.cancelVerify();
        // Hosts the last login refused for plaintext or the certificate (consent asked there).
        const refused = new Set(
          [
            { endpoint: incoming, row: state.verify.incoming },
            { endpoint: outgoing, row: state.verify.outgoing },
          ].flatMap(({ endpoint, row }) =>
            row.result && !row.result.ok && CONSENT_LIFTS.has(row.result.reason)
              ? [endpoint.host]
              : [],
          ),
        );
        const operationId = newOperationId('verify');
        set({
          verify: {
            ...IDLE_VERIFY,
            status: 'running',
            operationId,
            incoming: { status: 'running', result: null },
            outgoing: { status: 'running', result: null },
          },
        });
        get().announce('wizard:announce.verify-started');
        const providerId = providerOf(state)?.id;
        const allowInsecure = insecureHosts(
          [incoming, outgoing],
          effectiveReport(state),
          consents,
          refused,
        );
        let result: Awaited<ReturnType<MailSetupApi['runVerify']>>;
        try {
          result = await api.runVerify({
            operationId,
            address,
            incoming,
            outgoing,
            password: state.password,
            allowInsecure,
            ...(providerId ? { providerId } : {}),
            from: address,
          });
        } catch (error) {
          result = { ok: false, code: 'ipc-failed', detail: String(error) };
        }
        if (get().verify.operationId !== operationId) return;
        if (!result.ok) {
          set({
            verify: {
              ...get().verify,
              status: 'error',
              incoming: WAITING,
              outgoing: WAITING,
              errorCode: result.code,
              errorDetail: result.detail ?? null,
            },
          });
          // The step says why in an alert of its own; one announcement is enough.
          return;
        }
        const report = result.value;
        set({
          verify: {
            ...get().verify,
            status: 'done',
            report,
            incoming: rowOf(report.incoming),
            outgoing: rowOf(report.outgoing),
          },
        });
        // A host refused for its certificate (or plaintext) that was not relaxed this time: any
        // consent it has covers something else (an untrusted source), so the box for this risk
        // must start unticked.
        const unrelaxed = [
          { endpoint: incoming, login: report.incoming },
          { endpoint: outgoing, login: report.outgoing },
        ].flatMap(({ endpoint, login }) =>
          !login.ok &&
          CONSENT_LIFTS.has(login.reason) &&
          !allowInsecure.some(
            (entry) =>
              consentHost(entry) === endpoint.host && parseConsent(entry)?.kind !== 'source',
          )
            ? [endpoint.host]
            : [],
        );
        if (unrelaxed.length > 0) {
          const { settings } = get();
          const consentsLeft = settings.consents.filter((host) => !unrelaxed.includes(host));
          set({ settings: { ...settings, consents: consentsLeft } });
        }
        const ok = loginsOk(get().verify);
        // The reason itself is announced (the first failure's, in the person's words).
        const failure = [report.incoming, report.outgoing].find((r) => !r.ok);
        if (ok || !failure || failure.ok) get().announce('wizard:announce.verify-ok');
        else {
          get().announce('wizard:announce.verify-failed-reason', {
            reasonKey: `verify:${failure.reason}.title`,
          });
        }
        if (ok && get().remember) await saveToKeychain();
      },

      cancelVerify() {
        const { operationId, status } = get().verify;
        if (!operationId || status !== 'running') return;
        void api.cancelOperation({ operationId }).catch(() => undefined);
        set({ verify: IDLE_VERIFY });
      },

      resetVerify() {
        set({
          password: '',
          remember: false,
          verify: IDLE_VERIFY,
          keychain: { status: 'idle', code: null },
        });
      },
    };
  };
}
