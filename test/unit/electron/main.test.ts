import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../helpers/stub-electron.ts')).electronModule());

import { requestSchemas } from '../../../shared/ipc.ts';
import { runMain } from '../../../electron/lifecycle.ts';
import { bundleElectronEntry } from '../../helpers/electron-bundle.ts';
import {
  Menu,
  StubBrowserWindow,
  app,
  ipcMain,
  protocol,
  resetElectron,
  session,
} from '../../helpers/stub-electron.ts';

let userData: string;

beforeEach(async () => {
  resetElectron();
  userData = await mkdtemp(join(tmpdir(), 'main-test-'));
  app.userData = userData;
});

afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

async function startMain(): Promise<void> {
  runMain();
  app.makeReady();
  await vi.waitFor(() => expect(StubBrowserWindow.instances.length).toBeGreaterThan(0));
}

describe('main process lifecycle', () => {
  it('registers the app scheme and the sandbox before ready, then wires everything once ready', async () => {
    await startMain();
    expect(protocol.registeredBeforeReady).toBe(true);
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(app.sandboxEnabled).toBe(true);

    const defaultSession = session.defaultSession;
    expect(defaultSession.permissionRequestHandler).toBeTypeOf('function');
    expect(defaultSession.permissionCheckHandler).toBeTypeOf('function');
    expect([...defaultSession.protocol.handlers.keys()]).toEqual(['app']);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.keys(requestSchemas).sort());
    expect(Menu.applied).toHaveLength(1);

    const window = StubBrowserWindow.instances[0]!;
    expect(window.loadedUrl).toBe('app://mailsetup/index.html');
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      preload: join(app.getAppPath(), 'out', 'preload', 'preload.cjs'),
    });
    // Hardening reached the window created after it.
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
    expect(window.webContents.listenerCount('will-navigate')).toBe(1);
  });

  it('serves the renderer through the app protocol with the CSP header', async () => {
    await startMain();
    const handler = session.defaultSession.protocol.handlers.get('app')!;
    const response = await handler(new Request('app://mailsetup/%2e%2e%2fpackage.json'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('answers app:info through IPC in the OS language', async () => {
    app.preferred = ['fr-FR', 'de-AT', 'en-US'];
    await startMain();
    const info = await ipcMain.invoke('app:info', {});
    expect(info).toEqual({
      ok: true,
      value: {
        version: '0.1.0-test',
        platform: process.platform,
        locale: 'de',
        languageOverride: null,
      },
    });
  });

  it('quits at once when another instance holds the single-instance lock', async () => {
    app.lock = false;
    runMain();
    app.makeReady();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(app.quitCalls).toBe(1);
    expect(StubBrowserWindow.instances).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('a second instance focuses the existing window instead of opening another', async () => {
    await startMain();
    app.emit('second-instance');
    expect(StubBrowserWindow.instances).toHaveLength(1);
    expect(StubBrowserWindow.instances[0]!.focused).toBe(1);
  });
});

describe('main bundle', () => {
  it('needs only electron, Node built-ins and runtime dependencies (what the package ships)', async () => {
    const { readFileSync } = await import('node:fs');
    const repo = new URL('../../../', import.meta.url);
    const pkg = JSON.parse(readFileSync(new URL('package.json', repo), 'utf8')) as {
      dependencies: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    const shipped = new Set([
      ...Object.keys(pkg.dependencies),
      ...Object.keys(pkg.optionalDependencies ?? {}),
    ]);
    const code = await bundleElectronEntry('electron/main.ts');
    const required = new Set(
      [...code.matchAll(/(?:require|import)\("([^"]+)"\)/g)].map((m) => m[1]!),
    );
    expect(required).toContain('electron');
    for (const name of required) {
      if (name === 'electron' || name.startsWith('node:')) continue;
      const base = name.startsWith('@')
        ? name.split('/').slice(0, 2).join('/')
        : name.split('/')[0]!;
      expect(shipped, `main needs '${name}', which the package does not ship`).toContain(base);
    }
  });
});
