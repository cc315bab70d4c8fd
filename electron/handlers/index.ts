/** Every channel's handler, assembled from the per-area modules. */
import type { BrowserWindow } from 'electron';
import type { TFunction } from 'i18next';
import type { SecretStore } from '../engine/secrets/secret-store.ts';
import type { Handlers } from '../ipc.ts';
import { appHandlers, type AppDeps } from './app.ts';
import { clipboardHandlers } from './clipboard.ts';
import { engineHandlers } from './engine.ts';
import { exportHandlers } from './export.ts';
import { finishHandlers } from './finish.ts';
import { secretHandlers } from './secret.ts';
import { sheetHandlers } from './sheet.ts';
import { shellHandlers } from './shell.ts';

export interface MainDeps extends AppDeps {
  /** The app window, for parenting dialogs. */
  window(): BrowserWindow | null;
  /** Translation in the app's current language. */
  t(): TFunction;
  secrets: SecretStore;
  openExternal(url: string): boolean;
}

export function createHandlers(deps: MainDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...engineHandlers(),
    ...exportHandlers(deps),
    ...sheetHandlers(deps),
    ...secretHandlers(deps.secrets),
    ...shellHandlers(deps.openExternal),
    ...clipboardHandlers(),
    ...finishHandlers(deps),
  };
}
