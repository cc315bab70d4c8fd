import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../helpers/stub-electron.ts')).electronModule());

import {
  API_KEY,
  EVENT_CHANNEL,
  METHODS,
  type MailSetupApi,
  type OperationEvent,
} from '../../../shared/ipc.ts';
import { bundleElectronEntry } from '../../helpers/electron-bundle.ts';
import { contextBridge, ipcRenderer, resetElectron } from '../../helpers/stub-electron.ts';
let api: MailSetupApi;

beforeAll(async () => {
  resetElectron();
  await import('../../../electron/preload.ts');
  api = contextBridge.exposed.get(API_KEY) as MailSetupApi;
});

describe('preload', () => {
  it('exposes exactly one method per contract entry plus onOperationEvent, and nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual([API_KEY]);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(METHODS), 'onOperationEvent'].sort());
    for (const value of Object.values(api)) expect(value).toBeTypeOf('function');
    expect(Object.isFrozen(api)).toBe(true);
    for (const generic of ['invoke', 'send', 'on', 'sendSync', 'ipcRenderer']) {
      expect(api).not.toHaveProperty(generic);
    }
  });

  it('each method invokes its own channel with the request, and only that', async () => {
    for (const [method, channel] of Object.entries(METHODS)) {
      ipcRenderer.invoked.length = 0;
      const request = { marker: method };
      const call = (api as unknown as Record<string, (r: unknown) => Promise<unknown>>)[method]!;
      await call(request);
      expect(ipcRenderer.invoked).toEqual([{ channel, args: [request] }]);
    }
  });

  it('hands operation listeners the event data only, never the IPC event, and unsubscribes', () => {
    const received: unknown[][] = [];
    const unsubscribe = api.onOperationEvent((...args: unknown[]) => received.push(args));
    const message = {
      operationId: 'op',
      event: { type: 'probe-port' },
    } as unknown as OperationEvent;
    const ipcEvent = { sender: { secret: 'the IpcRenderer itself' } };
    ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, message);
    expect(received).toEqual([[message]]);
    unsubscribe();
    ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, message);
    expect(received).toHaveLength(1);
    expect(ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
  });

  it('bundles to one file that requires nothing but electron (sandbox-compatible)', async () => {
    const code = await bundleElectronEntry('electron/preload.ts');
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/\bimport\(/);
  });
});
