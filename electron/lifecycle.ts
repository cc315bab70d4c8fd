/**
 * The app's lifecycle: single-instance lock, privileged scheme and sandbox before `ready`, then
 * language, menu, session hardening, the `app://` protocol, IPC, and the window. Everything with
 * substance lives in its own module; `main.ts` only calls `runMain()`.
 */
import { join } from 'node:path';
import { BrowserWindow, app, ipcMain, protocol, session } from 'electron';
import { createI18n } from '../shared/i18n/index.ts';
import { PROVIDER_HELP_LINKS } from './help-links.ts';
import { APP_SCHEME_PRIVILEGES, rendererRoot, serveAppProtocol } from './app-protocol.ts';
import { KeytarSecretStore } from './engine/secrets/keytar-store.ts';
import { helpHostsOf } from './external-links.ts';
import { createHandlers } from './handlers/index.ts';
import { createExternalOpener } from './handlers/shell.ts';
import { registerIpc } from './ipc.ts';
import { LanguageState } from './locale.ts';
import { installMenu } from './menu.ts';
import { denyAllPermissions, hardenApp, refuseDownloads } from './web-hardening.ts';
import { createMainWindow } from './window.ts';

const APP_NAME = 'Mail Setup Wizard';

export function runMain(): void {
  let mainWindow: BrowserWindow | null = null;

  function showWindow(): void {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }

  const devTools = (): boolean => !app.isPackaged;

  function openWindow(): void {
    mainWindow = createMainWindow({
      preloadPath: join(app.getAppPath(), 'out', 'preload', 'preload.cjs'),
      title: APP_NAME,
      devTools: devTools(),
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  }

  /** Runs once, when the app is ready: language, menu, session hardening, protocol, IPC. */
  async function start(): Promise<void> {
    const language = new LanguageState(join(app.getPath('userData'), 'settings.json'), {
      preferred: app.getPreferredSystemLanguages(),
      appLocale: app.getLocale(),
    });
    await language.load();
    const menuOptions = { platform: process.platform, appName: APP_NAME, devTools: devTools() };
    installMenu(language.language, menuOptions);

    denyAllPermissions(session.defaultSession);
    refuseDownloads(session.defaultSession);
    serveAppProtocol(session.defaultSession.protocol, rendererRoot(app.getAppPath()));

    const openExternal = createExternalOpener(helpHostsOf(PROVIDER_HELP_LINKS));
    hardenApp(app, { openExternal });

    registerIpc(
      ipcMain,
      createHandlers({
        version: app.getVersion(),
        platform: process.platform,
        language,
        onLanguageChanged: (next) => installMenu(next, menuOptions),
        window: () => mainWindow,
        t: () => createI18n(language.language).t,
        secrets: new KeytarSecretStore(),
        openExternal,
      }),
    );

    openWindow();
  }

  // Before `ready`: the scheme must be privileged, and every renderer sandboxed.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.enableSandbox();

  if (!app.requestSingleInstanceLock()) {
    app.quit();
  } else {
    app.on('second-instance', showWindow);
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });
    app.on('activate', () => {
      if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openWindow();
    });
    app
      .whenReady()
      .then(start)
      .catch((error: unknown) => {
        console.error('[main] start failed:', error instanceof Error ? error.message : error);
        app.quit();
      });
  }
}
