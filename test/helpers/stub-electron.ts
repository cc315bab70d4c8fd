/**
 * A stand-in for the `electron` module (its binary cannot run here), recording what main-process
 * code does with it. Applied per test file with
 * `vi.mock('electron', async () => (await import('../helpers/stub-electron.ts')).electronModule())`;
 * the test imports the same singletons from this file to drive and inspect them, and calls
 * `resetElectron()` in `beforeEach`.
 */
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';

type Listener = (...args: never[]) => unknown;

export class StubWebContents extends EventEmitter {
  static nextId = 1;
  /** Test control: make every printToPDF fail. */
  static failPrint = false;
  readonly id = StubWebContents.nextId++;
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  printOptions: unknown[] = [];
  pdf: Uint8Array = new TextEncoder().encode('%PDF-1.4 stub');

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
  async printToPDF(options: unknown): Promise<Uint8Array> {
    this.printOptions.push(options);
    if (StubWebContents.failPrint) throw new Error('printing failed');
    return this.pdf;
  }
}

export class StubBrowserWindow extends EventEmitter {
  static instances: StubBrowserWindow[] = [];
  readonly webContents = new StubWebContents();
  loadedUrl: string | null = null;
  loadedFile: string | null = null;
  destroyed = false;
  shown = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    StubBrowserWindow.instances.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows(): StubBrowserWindow[] {
    return StubBrowserWindow.instances.filter((w) => !w.destroyed);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
  }
  async loadFile(file: string): Promise<void> {
    this.loadedFile = file;
  }
  show(): void {
    this.shown = true;
  }
  focused = 0;
  focus(): void {
    this.focused += 1;
  }
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroy();
  }
}

export class StubSession extends EventEmitter {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  beforeRequest: Listener | null = null;
  readonly protocol = {
    handlers: new Map<string, (request: Request) => Promise<Response>>(),
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
      this.handlers.set(scheme, handler);
    },
  };
  readonly webRequest = {
    onBeforeRequest: (listener: Listener): void => {
      this.beforeRequest = listener;
    },
  };
  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Listener): void {
    this.devicePermissionHandler = handler;
  }
}

class StubApp extends EventEmitter {
  lock = true;
  quitCalls = 0;
  sandboxEnabled = false;
  ready = false;
  isPackaged = false;
  locale = 'en-US';
  preferred: string[] = ['en-US'];
  appPath = process.cwd();
  userData = tmpdir();
  #readyResolve: (() => void) | null = null;
  #readyPromise: Promise<void> = this.#newReady();

  #newReady(): Promise<void> {
    return new Promise((resolve) => {
      this.#readyResolve = resolve;
    });
  }
  reset(): void {
    this.removeAllListeners();
    Object.assign(this, {
      lock: true,
      quitCalls: 0,
      sandboxEnabled: false,
      ready: false,
      isPackaged: false,
      locale: 'en-US',
      preferred: ['en-US'],
      appPath: process.cwd(),
      userData: tmpdir(),
    });
    this.#readyPromise = this.#newReady();
  }
  /** Test control: fire `ready`. */
  makeReady(): void {
    this.ready = true;
    this.#readyResolve?.();
  }
  whenReady(): Promise<void> {
    return this.#readyPromise;
  }
  isReady(): boolean {
    return this.ready;
  }
  requestSingleInstanceLock(): boolean {
    return this.lock;
  }
  quit(): void {
    this.quitCalls += 1;
  }
  enableSandbox(): void {
    if (this.ready) throw new Error('enableSandbox must be called before ready');
    this.sandboxEnabled = true;
  }
  getPath(name: string): string {
    return name === 'userData' ? this.userData : tmpdir();
  }
  getAppPath(): string {
    return this.appPath;
  }
  getVersion(): string {
    return '0.1.0-test';
  }
  getLocale(): string {
    return this.locale;
  }
  getPreferredSystemLanguages(): string[] {
    return this.preferred;
  }
}

export interface FrameLike {
  url: string;
  parent: FrameLike | null;
}

class StubIpcMain {
  readonly handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  handle(channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Test control: call a channel as a renderer frame would. */
  async invoke(
    channel: string,
    payload: unknown,
    from: { frame?: FrameLike | null; sender?: StubWebContents } = {},
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    const frame =
      from.frame === undefined ? { url: 'app://mailsetup/index.html', parent: null } : from.frame;
    return handler({ sender: from.sender ?? defaultSender, senderFrame: frame }, payload);
  }
}

let defaultSender = new StubWebContents();

export const app = new StubApp();
export const ipcMain = new StubIpcMain();
export const session = {
  defaultSession: new StubSession(),
  partitions: new Map<string, StubSession>(),
  fromPartition(name: string): StubSession {
    let partition = this.partitions.get(name);
    if (!partition) {
      partition = new StubSession();
      this.partitions.set(name, partition);
      // Electron announces every new session on the app.
      app.emit('session-created', partition);
    }
    return partition;
  },
};
export const protocol = {
  privileged: [] as unknown[],
  registeredBeforeReady: true,
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    if (app.ready) this.registeredBeforeReady = false;
    this.privileged.push(...schemes);
  },
};
export const Menu = {
  applied: [] as Array<{ template: unknown[] }>,
  buildFromTemplate(template: unknown[]): { template: unknown[] } {
    return { template };
  },
  setApplicationMenu(menu: { template: unknown[] }): void {
    this.applied.push(menu);
  },
};
export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  },
};
export const clipboard = {
  written: [] as string[],
  writeText(text: string): void {
    this.written.push(text);
  },
};
/** Dialog calls take `(window, options)` or `(options)`. */
function dialogOptions(args: unknown[]): Record<string, unknown> {
  return (args.length > 1 ? args[1] : args[0]) as Record<string, unknown>;
}

/** Dialog answers are queued by the test; every call is recorded. */
export const dialog = {
  calls: [] as Array<{ kind: string; options: Record<string, unknown> }>,
  openAnswers: [] as Array<{ canceled: boolean; filePaths: string[] }>,
  saveAnswers: [] as Array<{ canceled: boolean; filePath?: string }>,
  messageAnswers: [] as number[],
  async showOpenDialog(...args: unknown[]) {
    this.calls.push({ kind: 'open', options: dialogOptions(args) });
    return this.openAnswers.shift() ?? { canceled: true, filePaths: [] };
  },
  async showSaveDialog(...args: unknown[]) {
    this.calls.push({ kind: 'save', options: dialogOptions(args) });
    return this.saveAnswers.shift() ?? { canceled: true };
  },
  async showMessageBox(...args: unknown[]) {
    this.calls.push({ kind: 'message', options: dialogOptions(args) });
    return { response: this.messageAnswers.shift() ?? 2, checkboxChecked: false };
  },
};
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`${key} exposed twice`);
    this.exposed.set(key, api);
  },
};
class StubIpcRenderer extends EventEmitter {
  readonly invoked: Array<{ channel: string; args: unknown[] }> = [];
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return { ok: true, value: channel };
  }
}
export const ipcRenderer = new StubIpcRenderer();

export function resetElectron(): void {
  app.reset();
  ipcMain.handlers.clear();
  session.defaultSession = new StubSession();
  session.partitions.clear();
  protocol.privileged.length = 0;
  protocol.registeredBeforeReady = true;
  Menu.applied.length = 0;
  shell.opened.length = 0;
  clipboard.written.length = 0;
  dialog.calls.length = 0;
  dialog.openAnswers.length = 0;
  dialog.saveAnswers.length = 0;
  dialog.messageAnswers.length = 0;
  contextBridge.exposed.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoked.length = 0;
  StubBrowserWindow.instances.length = 0;
  StubWebContents.failPrint = false;
  defaultSender = new StubWebContents();
}

/** The web contents `ipcMain.invoke` uses when the test names none. */
export function defaultSenderContents(): StubWebContents {
  return defaultSender;
}

/** The module object `vi.mock('electron', ...)` returns. */
export function electronModule(): Record<string, unknown> {
  const module = {
    app,
    ipcMain,
    session,
    protocol,
    Menu,
    shell,
    clipboard,
    dialog,
    contextBridge,
    ipcRenderer,
    BrowserWindow: StubBrowserWindow,
  };
  return { ...module, default: module };
}
