/**
 * The renderer's one store, built from its slices (wizard, discovery, settings, verify, export).
 * It is created per API instance - the preload's `window.mailSetup` in the app, a fake in tests -
 * whose engine answers and events it checks once (`checked-api.ts`), and listens to the operation event channel, routing each event to the operation it belongs to.
 * Nothing is persisted: the password lives only in memory, for as long as the window is open.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MailSetupApi, OperationEvent } from '../../../shared/ipc.ts';
import type { Language } from '../../../shared/i18n/index.ts';
import type { AppState } from './app-state.ts';
import { checkedApi } from './checked-api.ts';
import { createWizardSlice } from './wizard-slice.ts';
import { createDiscoverySlice } from './discovery-slice.ts';
import { createSettingsSlice } from './settings-slice.ts';
import { createManualCheckSlice } from './manual-check-slice.ts';
import { createVerifySlice } from './verify-slice.ts';
import { createExportSlice, type Exporter } from './export-slice.ts';
import { createHealthSlice } from './health-slice.ts';
import { createFinishSlice } from './finish-slice.ts';

export type { AppState } from './app-state.ts';
export type AppStore = StoreApi<AppState> & { dispose(): void };

export interface StoreOptions {
  api: MailSetupApi;
  exporter: Exporter;
  language: Language;
  /** `process.platform` of main (which mail programs the app can finish in). */
  platform?: string;
}

export function createAppStore({
  api: bridge,
  exporter,
  language,
  platform = 'unknown',
}: StoreOptions): AppStore {
  const api = checkedApi(bridge);
  const store = createStore<AppState>()((...args) => ({
    ...createWizardSlice(language)(...args),
    ...createDiscoverySlice(api)(...args),
    ...createSettingsSlice()(...args),
    ...createManualCheckSlice(api)(...args),
    ...createVerifySlice(api)(...args),
    ...createExportSlice(api, exporter)(...args),
    ...createHealthSlice(api)(...args),
    ...createFinishSlice(api, platform)(...args),
  }));

  const route = ({ operationId, event }: OperationEvent) => {
    const state = store.getState();
    if (operationId === state.check.operationId) state.onCheckEvent('check', event);
    else if (operationId === state.deskCheck.operationId) state.onCheckEvent('deskCheck', event);
    // verify:run sends no events: its answer is the whole result.
  };
  const unsubscribe = api.onOperationEvent(route);

  return Object.assign(store, { dispose: unsubscribe });
}
