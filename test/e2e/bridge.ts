/**
 * The end-to-end test bridge: implements the preload's `MailSetupApi` in the Node test process by
 * calling the REAL engine (discovery, probes, logins) against the lab's servers, with the lab's DNS
 * and CA, and exposes it to the page as `window.mailSetup` (playwright `exposeFunction` plus an
 * init script). Requests are validated against the contract's schemas as main would. What would
 * need the Electron shell (dialogs, clipboard, browser windows) is recorded or done in Node:
 * "saved" files land in a temporary folder, the sheet is printed to PDF by Chromium itself.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  requestSchemas,
  type Channel,
  type MailSetupApi,
  type OperationEvent,
  type Result,
} from '../../shared/ipc.ts';
import { METHODS } from '../../shared/ipc-channels.ts';
import { runCheck, runProbe, runVerify, type EngineNet } from '../../electron/handlers/engine.ts';
import { runHealth } from '../../electron/handlers/health.ts';
import { finishHandlers } from '../../electron/handlers/finish.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { createResolver } from '../../electron/engine/net/resolver.ts';
import { MemorySecretStore } from '../../electron/engine/secrets/memory-store.ts';
import type { LabInfo } from '../lab/lab-info.ts';

type Method = keyof typeof METHODS;
type NodeApi = Omit<MailSetupApi, 'onOperationEvent'>;

export interface BridgeRecord {
  calls: Array<{ method: Method; request: unknown }>;
  clipboard: string[];
  openedUrls: string[];
  savedPaths: string[];
  languages: Array<string | null>;
}

export interface EngineBridge {
  record: BridgeRecord;
  secrets: MemorySecretStore;
  /** Connects the bridge to a page: must run before the page loads the renderer. */
  attach(page: Page): Promise<void>;
}

export interface BridgeOptions {
  lab: LabInfo;
  browser: Browser;
  /** Where "saved" files and printed PDFs go. */
  outputDir: string;
  /** What `app:info` reports as the language. */
  locale?: string;
  /** Per network step; the lab answers fast, so failures should too. */
  timeoutMs?: number;
  /**
   * A home folder the test controls: the finish channels look for Thunderbird profiles under it
   * as on Linux (`.thunderbird/profiles.ini`), and write the Outlook/Apple files into `outputDir`.
   * Without it they answer not-available, as where no mail program is installed.
   */
  thunderbirdHome?: string;
}

const fail = (code: string, detail?: string): Result<never> =>
  detail === undefined ? { ok: false, code } : { ok: false, code, detail };

export function createEngineBridge(options: BridgeOptions): EngineBridge {
  const { lab, browser, outputDir } = options;
  const timeoutMs = options.timeoutMs ?? 5000;
  const net: EngineNet = {
    resolver: createResolver({ server: lab.dns, timeoutMs }),
    ca: [lab.caPem],
    timeoutMs,
  };
  const secrets = new MemorySecretStore();
  const operations = new Map<string, AbortController>();
  const record: BridgeRecord = {
    calls: [],
    clipboard: [],
    openedUrls: [],
    savedPaths: [],
    languages: [],
  };
  let locale = options.locale ?? 'en';
  let emit: (event: OperationEvent) => Promise<void> = async () => undefined;
  // Main's own finish handlers, looking in the test's home folder only.
  const home = options.thunderbirdHome;
  const finish = home
    ? finishHandlers({
        t: () => createI18n(locale === 'de' ? 'de' : 'en').t,
        filesDir: () => outputDir,
        profileSearch: { platform: 'linux', env: {}, home },
      })
    : null;
  const noContext = {} as never;

  /** Sends an operation's progress events to the page one after another, in order. */
  const forwarder = (operationId: string) => {
    let chain = Promise.resolve();
    return {
      emit(event: OperationEvent['event']) {
        chain = chain.then(() => emit({ operationId, event }));
      },
      sent: () => chain,
    };
  };

  const operation = (id: string) => {
    const controller = new AbortController();
    operations.set(id, controller);
    return controller;
  };

  /** Runs a handler with progress events: they all reach the page before its answer does. */
  const streamed = async <T>(
    operationId: string,
    run: (context: {
      signal: AbortSignal;
      emit: (event: OperationEvent['event']) => void;
    }) => Promise<T>,
  ): Promise<T> => {
    const controller = operation(operationId);
    const events = forwarder(operationId);
    try {
      const result = await run({ signal: controller.signal, emit: events.emit });
      await events.sent();
      return result;
    } finally {
      operations.delete(operationId);
    }
  };

  const api: NodeApi = {
    async appInfo() {
      return { ok: true, value: { version: '0.0.0-e2e', platform: process.platform, locale } };
    },
    async setLanguage({ language }) {
      record.languages.push(language);
      locale = language ?? 'en';
      return { ok: true, value: { version: '0.0.0-e2e', platform: process.platform, locale } };
    },
    runCheck: (request) =>
      streamed(request.operationId, (context) => runCheck(request, context, net)),
    // What main's probe:run handler does, with the lab's DNS and CA.
    runProbe: (request) =>
      streamed(request.operationId, (context) => runProbe(request, context, net)),
    async runHealth(request) {
      const controller = operation(request.operationId);
      try {
        return await runHealth(request, { signal: controller.signal }, net);
      } finally {
        operations.delete(request.operationId);
      }
    },
    async runVerify(request) {
      const controller = operation(request.operationId);
      try {
        return await runVerify(request, { signal: controller.signal }, net);
      } finally {
        operations.delete(request.operationId);
      }
    },
    async cancelOperation({ operationId }) {
      const controller = operations.get(operationId);
      controller?.abort();
      return { ok: true, value: controller !== undefined };
    },
    async saveExport({ files }) {
      await mkdir(outputDir, { recursive: true });
      const paths: string[] = [];
      for (const file of files) {
        const path = join(outputDir, file.filename);
        await writeFile(path, file.content, 'utf8');
        paths.push(path);
      }
      record.savedPaths.push(...paths);
      return { ok: true, value: { paths } };
    },
    async printSheet({ html, filename }) {
      // What main does with printToPDF, done by the same Chromium: the sheet in a page of its own.
      await mkdir(outputDir, { recursive: true });
      const path = join(outputDir, filename);
      const page = await browser.newPage({ javaScriptEnabled: false });
      try {
        await page.setContent(html, { waitUntil: 'load' });
        await page.pdf({ path, format: 'A4' });
      } finally {
        await page.close();
      }
      record.savedPaths.push(path);
      return { ok: true, value: { path } };
    },
    async saveSecret({ account, password }) {
      const result = await secrets.save(account, password);
      return result.ok ? { ok: true, value: true } : fail(result.code);
    },
    async loadSecret({ account }) {
      return secrets.load(account);
    },
    async deleteSecret({ account }) {
      return secrets.delete(account);
    },
    async openHelp({ url }) {
      record.openedUrls.push(url);
      return { ok: true, value: true };
    },
    async writeClipboard({ text }) {
      record.clipboard.push(text);
      return { ok: true, value: true };
    },
    async listThunderbirdProfiles(request) {
      return finish
        ? finish['finish:thunderbird-profiles'](request, noContext)
        : fail('not-available');
    },
    async addToThunderbird(request) {
      return finish ? finish['finish:thunderbird-add'](request, noContext) : fail('not-available');
    },
    async importIntoOutlook(request) {
      return finish ? finish['finish:outlook-import'](request, noContext) : fail('not-available');
    },
    async openInAppleMail(request) {
      return finish ? finish['finish:apple-open'](request, noContext) : fail('not-available');
    },
  };

  /** Validates like main's IPC layer, then runs the method; a throw becomes `internal-error`. */
  async function call(method: Method, request: unknown): Promise<Result<unknown>> {
    record.calls.push({ method, request });
    const channel: Channel = METHODS[method];
    const parsed = requestSchemas[channel].safeParse(request);
    if (!parsed.success) return fail('invalid-request', parsed.error.message);
    try {
      const run = api[method] as (r: unknown) => Promise<Result<unknown>>;
      return await run(parsed.data);
    } catch (error) {
      return fail('internal-error', String(error));
    }
  }

  return {
    record,
    secrets,
    async attach(page) {
      await page.exposeFunction('__mailSetupCall', call);
      emit = async (event) => {
        await page
          .evaluate(
            (e) =>
              (window as unknown as { __mailSetupEmit?: (e: unknown) => void }).__mailSetupEmit?.(
                e,
              ),
            event,
          )
          .catch(() => undefined);
      };
      await page.addInitScript((methods: string[]) => {
        type Listener = (event: unknown) => void;
        const listeners = new Set<Listener>();
        const target = window as unknown as Record<string, unknown>;
        // Looked up per call: the binding is installed by playwright, not by this script.
        const callNode = (m: string, r: unknown) =>
          (target.__mailSetupCall as (m: string, r: unknown) => Promise<unknown>)(m, r);
        const api: Record<string, unknown> = {
          onOperationEvent(listener: Listener) {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
        };
        for (const method of methods) {
          api[method] = (request: unknown) => callNode(method, request);
        }
        target.__mailSetupEmit = (event: unknown) => listeners.forEach((l) => l(event));
        target.mailSetup = Object.freeze(api);
      }, Object.keys(METHODS));
    },
  };
}
