/**
 * The bridge between the sandboxed renderer and main: exactly one method per contract entry
 * (`METHODS`), each a fixed `ipcRenderer.invoke` of its own channel, plus `onOperationEvent`,
 * which hands the listener only the event's data (never the `IpcRendererEvent`, which would leak
 * `sender`). No generic send/invoke/on is exposed (checklist item 20).
 *
 * Runs in the renderer sandbox: it may only import `electron`, so it takes the channel names from
 * the dependency-free `shared/ipc-channels.ts` and is bundled into one CommonJS file.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_KEY, EVENT_CHANNEL, METHODS } from '../shared/ipc-channels.ts';
import type { MailSetupApi, OperationEvent } from '../shared/ipc.ts';

type Invokers = Omit<MailSetupApi, 'onOperationEvent'>;

function buildApi(): MailSetupApi {
  const invokers: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const [method, channel] of Object.entries(METHODS)) {
    invokers[method] = (request: unknown) => ipcRenderer.invoke(channel, request);
  }
  return {
    ...(invokers as unknown as Invokers),
    onOperationEvent(listener: (event: OperationEvent) => void): () => void {
      const forward = (_event: IpcRendererEvent, message: OperationEvent): void =>
        listener(message);
      ipcRenderer.on(EVENT_CHANNEL, forward);
      return () => {
        ipcRenderer.removeListener(EVENT_CHANNEL, forward);
      };
    },
  };
}

contextBridge.exposeInMainWorld(API_KEY, Object.freeze(buildApi()));
