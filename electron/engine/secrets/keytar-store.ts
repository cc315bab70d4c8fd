/**
 * The OS keychain through keytar (macOS Keychain, Windows Credential Vault, Secret Service on
 * Linux). keytar is an optional native dependency and is loaded on first use, so the app and the
 * CLI start without it. On Linux without a Secret Service (no session bus, no gnome-keyring or
 * KWallet, a locked collection) keytar throws; those failures become `keychain-unavailable` with
 * keytar's own words as detail, which the UI turns into "no system keychain available".
 */
import { SECRET_SERVICE, type SecretResult, type SecretStore } from './secret-store.ts';

/** The part of keytar this store uses. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarStoreOptions {
  service?: string;
  /** Loads keytar; replaced in tests. Default: `import('keytar')`. */
  load?: () => Promise<KeytarApi>;
  /** Upper bound for one keychain call (an unlock prompt may wait for the person). */
  timeoutMs?: number;
}

/** keytar messages that mean "there is no usable keychain here" (research/electron.md §3.6). */
const UNAVAILABLE =
  /cannot autolaunch d-bus|not provided by any \.service files|object does not exist at path|no such interface 'org\.freedesktop\.secret|org\.freedesktop\.secrets|cannot find module|could not connect|no such file or directory|dbus|keyring|secret service/i;

const DEFAULT_TIMEOUT_MS = 120_000;

async function defaultLoad(): Promise<KeytarApi> {
  const mod = (await import('keytar')) as KeytarApi & { default?: KeytarApi };
  return mod.default ?? mod;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 300);
}

export class KeytarSecretStore implements SecretStore {
  readonly #service: string;
  readonly #load: () => Promise<KeytarApi>;
  readonly #timeoutMs: number;
  #api: Promise<KeytarApi> | null = null;

  constructor(options: KeytarStoreOptions = {}) {
    this.#service = options.service ?? SECRET_SERVICE;
    this.#load = options.load ?? defaultLoad;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async #run<T>(call: (api: KeytarApi) => Promise<T>): Promise<SecretResult<T>> {
    let api: KeytarApi;
    try {
      this.#api ??= this.#load();
      api = await this.#api;
    } catch (error) {
      this.#api = null;
      return { ok: false, code: 'keychain-unavailable', detail: `keytar: ${describe(error)}` };
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('keychain did not answer in time')),
        this.#timeoutMs,
      );
      timer.unref();
    });
    try {
      return { ok: true, value: await Promise.race([call(api), timeout]) };
    } catch (error) {
      const detail = describe(error);
      return {
        ok: false,
        code: UNAVAILABLE.test(detail) ? 'keychain-unavailable' : 'keychain-error',
        detail,
      };
    } finally {
      clearTimeout(timer);
    }
  }

  save(account: string, secret: string): Promise<SecretResult> {
    return this.#run((api) => api.setPassword(this.#service, account, secret));
  }

  load(account: string): Promise<SecretResult<string | null>> {
    return this.#run((api) => api.getPassword(this.#service, account));
  }

  delete(account: string): Promise<SecretResult<boolean>> {
    return this.#run((api) => api.deletePassword(this.#service, account));
  }
}
