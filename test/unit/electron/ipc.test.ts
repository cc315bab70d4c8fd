import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../helpers/stub-electron.ts')).electronModule());

import {
  EVENT_CHANNEL,
  METHODS,
  requestSchemas,
  type Channel,
  type Result,
} from '../../../shared/ipc.ts';
import { registerIpc, type HandlerContext, type Handlers } from '../../../electron/ipc.ts';
import { OperationRegistry } from '../../../electron/operations.ts';
import {
  StubWebContents,
  ipcMain,
  resetElectron,
  type FrameLike,
} from '../../helpers/stub-electron.ts';
import type { IpcMain } from 'electron';

const CHANNELS = Object.keys(requestSchemas) as Channel[];

/** Account settings as the finish channels take them. */
const SETTINGS = {
  address: 'anna@example.org',
  incoming: {
    protocol: 'imap',
    host: 'imap.example.org',
    port: 993,
    security: 'tls',
    username: 'anna',
  },
  outgoing: {
    protocol: 'smtp',
    host: 'smtp.example.org',
    port: 465,
    security: 'tls',
    username: 'anna',
  },
};

/** A valid request for every channel. */
const VALID: Record<Channel, unknown> = {
  'app:info': {},
  'app:set-language': { language: 'de' },
  'check:run': { operationId: 'op-1', address: 'anna@example.org' },
  'probe:run': { operationId: 'op-2', host: 'imap.example.org' },
  'health:run': { operationId: 'op-4', target: 'example.org', dkimSelectors: ['mbo0001'] },
  'verify:run': {
    operationId: 'op-3',
    address: 'anna@example.org',
    incoming: SETTINGS.incoming,
    outgoing: SETTINGS.outgoing,
    password: 'correct horse battery staple',
    allowInsecure: [],
  },
  'operation:cancel': { operationId: 'op-1' },
  'export:save': { files: [{ filename: 'a.xml', mediaType: 'application/xml', content: '<a/>' }] },
  'sheet:print': { html: '<p>x</p>', filename: 'sheet.html' },
  'secret:save': { account: 'imap://anna@example.org', password: 'pw' },
  'secret:load': { account: 'imap://anna@example.org' },
  'secret:delete': { account: 'imap://anna@example.org' },
  'shell:open-help': { url: 'https://help.example.org/app-passwords' },
  'clipboard:write': { text: 'report' },
  'finish:thunderbird-profiles': {},
  'finish:thunderbird-add': {
    settings: SETTINGS,
  },
  'finish:outlook-import': {
    settings: SETTINGS,
  },
  'finish:apple-open': {
    settings: SETTINGS,
  },
};

type Calls = Array<{ channel: Channel; request: unknown; context: HandlerContext }>;

/** Handlers that record their calls; `override` replaces single channels. */
function recordingHandlers(calls: Calls, override: Partial<Handlers> = {}): Handlers {
  const handlers = {} as Record<string, unknown>;
  for (const channel of CHANNELS) {
    if (channel === 'operation:cancel') continue;
    handlers[channel] = async (request: unknown, context: HandlerContext) => {
      calls.push({ channel, request, context });
      return { ok: true, value: channel };
    };
  }
  return { ...(handlers as Handlers), ...override };
}

const asIpcMain = (): IpcMain => ipcMain as unknown as IpcMain;

describe('IPC registration', () => {
  beforeEach(() => resetElectron());

  it('the contract names the same channels in its schemas and in METHODS', () => {
    expect([...Object.values(METHODS)].sort()).toEqual([...CHANNELS].sort());
    expect(new Set(Object.values(METHODS)).size).toBe(Object.keys(METHODS).length);
  });

  it('registers a handler for every contract channel, and removes them again', () => {
    const unregister = registerIpc(asIpcMain(), recordingHandlers([]));
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('passes a valid request from the app window to its handler', async () => {
    const calls: Calls = [];
    registerIpc(asIpcMain(), recordingHandlers(calls));
    for (const channel of CHANNELS.filter((c) => c !== 'operation:cancel')) {
      const result = await ipcMain.invoke(channel, VALID[channel]);
      expect(result, channel).toEqual({ ok: true, value: channel });
    }
    expect(calls.map((c) => c.channel).sort()).toEqual(
      CHANNELS.filter((c) => c !== 'operation:cancel').sort(),
    );
  });

  it('refuses an invalid payload on every channel with a result, not a throw', async () => {
    const calls: Calls = [];
    registerIpc(asIpcMain(), recordingHandlers(calls));
    const invalid: unknown[] = [null, 'text', 42, [], { operationId: 'x'.repeat(65) }];
    for (const channel of CHANNELS) {
      // A channel without fields (app:info) takes any object: extra keys are dropped.
      const takesNothing = requestSchemas[channel].safeParse({}).success;
      for (const payload of invalid) {
        if (
          takesNothing &&
          typeof payload === 'object' &&
          payload !== null &&
          !Array.isArray(payload)
        )
          continue;
        const result = (await ipcMain.invoke(channel, payload)) as Result<unknown>;
        expect(result.ok, `${channel} ${JSON.stringify(payload)}`).toBe(false);
        if (!result.ok) expect(result.code).toBe('invalid-request');
      }
    }
    expect(calls).toHaveLength(0);
  });

  it('refuses payloads that break the schema limits (bad host, port, file name, oversize)', async () => {
    registerIpc(asIpcMain(), recordingHandlers([]));
    const cases: Array<[Channel, unknown]> = [
      ['probe:run', { operationId: 'a', host: 'evil.example;rm -rf /' }],
      ['probe:run', { operationId: 'a', host: 'ok.example', ports: [0] }],
      [
        'export:save',
        { files: [{ filename: '../../.bashrc', mediaType: 'text/plain', content: '' }] },
      ],
      ['export:save', { files: [{ filename: '..', mediaType: 'text/plain', content: '' }] }],
      ['shell:open-help', { url: 'not a url' }],
      ['clipboard:write', { text: 'x'.repeat(1024 * 1024 + 1) }],
      ['app:set-language', { language: 'fr' }],
    ];
    for (const [channel, payload] of cases) {
      const result = (await ipcMain.invoke(channel, payload)) as Result<unknown>;
      expect(result, channel).toMatchObject({ ok: false, code: 'invalid-request' });
    }
  });

  it('refuses foreign senders: other origins, file://, sub-frames, missing frames', async () => {
    const calls: Calls = [];
    registerIpc(asIpcMain(), recordingHandlers(calls));
    const app: FrameLike = { url: 'app://mailsetup/index.html', parent: null };
    const foreign: Array<FrameLike | null> = [
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///home/anna/index.html', parent: null },
      { url: 'app://evil/index.html', parent: null },
      { url: 'app://mailsetup.evil.example/index.html', parent: null },
      { url: 'http://mailsetup/index.html', parent: null },
      { url: 'app://mailsetup/index.html', parent: app },
      { url: 'data:text/html,hi', parent: null },
      { url: '', parent: null },
      null,
    ];
    for (const frame of foreign) {
      for (const channel of CHANNELS) {
        const result = await ipcMain.invoke(channel, VALID[channel], { frame });
        expect(result, `${channel} from ${frame?.url}`).toEqual({
          ok: false,
          code: 'forbidden-sender',
        });
      }
    }
    expect(calls).toHaveLength(0);
  });

  it('refuses a sender whose frame was disposed (reading it throws)', async () => {
    const calls: Calls = [];
    registerIpc(asIpcMain(), recordingHandlers(calls));
    const disposed = {
      get parent(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      url: 'app://mailsetup/index.html',
    };
    const result = await ipcMain.invoke(
      'app:info',
      {},
      { frame: disposed as unknown as FrameLike },
    );
    expect(result).toEqual({ ok: false, code: 'forbidden-sender' });
    expect(calls).toHaveLength(0);
  });

  it('turns a throwing handler into internal-error without logging the payload', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    registerIpc(
      asIpcMain(),
      recordingHandlers([], {
        'secret:save': async ({ password }) => {
          throw new Error(`keychain exploded with ${password}`);
        },
      }),
    );
    const result = await ipcMain.invoke('secret:save', {
      account: 'a',
      password: 'hunter2-secret',
    });
    expect(result).toEqual({ ok: false, code: 'internal-error' });
    expect(JSON.stringify(errors.mock.calls)).not.toContain('hunter2-secret');
    errors.mockRestore();
  });
});

describe('IPC operations', () => {
  beforeEach(() => resetElectron());

  /** A check handler that emits one event and then waits until cancelled. */
  function blockingCheck(started: (context: HandlerContext) => void): Partial<Handlers> {
    return {
      'check:run': async (_request, context) => {
        context.emit({ type: 'source-started', source: 'autoconfig' } as never);
        started(context);
        await new Promise<void>((resolve) => {
          context.signal.addEventListener('abort', () => resolve(), { once: true });
        });
        return { ok: true, value: { partial: true } as never };
      },
    };
  }

  /** Registers the blocking check, starts it as `operationId` from `sender`, waits until it runs. */
  async function startBlockingCheck(
    operationId: string,
    sender: StubWebContents,
    operations?: OperationRegistry,
  ): Promise<{ context: HandlerContext; running: Promise<unknown> }> {
    let context: HandlerContext | undefined;
    registerIpc(
      asIpcMain(),
      recordingHandlers(
        [],
        blockingCheck((c) => (context = c)),
      ),
      operations,
    );
    const running = ipcMain.invoke(
      'check:run',
      { operationId, address: 'a@b.example' },
      { sender },
    );
    await vi.waitFor(() => expect(context).toBeDefined());
    return { context: context!, running };
  }

  it('streams progress events to the calling window and cancel aborts the signal', async () => {
    const sender = new StubWebContents();
    const { context, running } = await startBlockingCheck('op-7', sender);
    expect(context.signal.aborted).toBe(false);
    expect(sender.sent).toEqual([
      {
        channel: EVENT_CHANNEL,
        payload: { operationId: 'op-7', event: { type: 'source-started', source: 'autoconfig' } },
      },
    ]);

    const cancelled = await ipcMain.invoke('operation:cancel', { operationId: 'op-7' }, { sender });
    expect(cancelled).toEqual({ ok: true, value: true });
    expect(context.signal.aborted).toBe(true);
    expect(await running).toEqual({ ok: false, code: 'cancelled' });
    // Nothing left to cancel.
    expect(await ipcMain.invoke('operation:cancel', { operationId: 'op-7' }, { sender })).toEqual({
      ok: true,
      value: false,
    });
  });

  it('an engine that throws once cancelled still answers cancelled', async () => {
    let context: HandlerContext | undefined;
    registerIpc(
      asIpcMain(),
      recordingHandlers([], {
        'probe:run': async (_request, c) => {
          context = c;
          await new Promise((resolve) =>
            c.signal.addEventListener('abort', resolve, { once: true }),
          );
          throw new DOMException('aborted', 'AbortError');
        },
      }),
    );
    const sender = new StubWebContents();
    const running = ipcMain.invoke(
      'probe:run',
      { operationId: 'p', host: 'a.example' },
      { sender },
    );
    await vi.waitFor(() => expect(context).toBeDefined());
    await ipcMain.invoke('operation:cancel', { operationId: 'p' }, { sender });
    expect(await running).toEqual({ ok: false, code: 'cancelled' });
  });

  it('drops a progress event that cannot be sent, and still answers with the report', async () => {
    registerIpc(
      asIpcMain(),
      recordingHandlers([], {
        'probe:run': async (_request, c) => {
          c.emit({ type: 'port', bad: () => 1 } as never);
          c.emit({ type: 'port', good: true } as never);
          return {
            ok: true,
            value: { host: 'a.example', addresses: [], ports: [], findings: [], ms: 1 },
          };
        },
      }),
    );
    const sender = new StubWebContents();
    sender.send = (channel: string, payload: unknown) => {
      structuredClone(payload); // throws for functions, as Electron's IPC does
      sender.sent.push({ channel, payload });
    };
    const result = await ipcMain.invoke(
      'probe:run',
      { operationId: 'q', host: 'a.example' },
      { sender },
    );
    expect(result).toMatchObject({ ok: true });
    expect(sender.sent).toHaveLength(1);
  });

  it('another window cannot cancel an operation it did not start', async () => {
    const owner = new StubWebContents();
    const other = new StubWebContents();
    const { context, running } = await startBlockingCheck('op-8', owner);
    expect(
      await ipcMain.invoke('operation:cancel', { operationId: 'op-8' }, { sender: other }),
    ).toEqual({ ok: true, value: false });
    expect(context.signal.aborted).toBe(false);
    await ipcMain.invoke('operation:cancel', { operationId: 'op-8' }, { sender: owner });
    await running;
  });

  it('refuses a second operation with the same id while the first runs', async () => {
    const sender = new StubWebContents();
    const { running: first } = await startBlockingCheck('dup', sender);
    const second = await ipcMain.invoke(
      'check:run',
      { operationId: 'dup', address: 'a@b.example' },
      { sender },
    );
    expect(second).toEqual({ ok: false, code: 'duplicate-operation' });
    await ipcMain.invoke('operation:cancel', { operationId: 'dup' }, { sender });
    await first;
  });

  it('aborts the operations of a window that goes away and sends it nothing more', async () => {
    const operations = new OperationRegistry();
    const sender = new StubWebContents();
    const { context, running } = await startBlockingCheck('op-9', sender, operations);
    sender.destroy();
    expect(context.signal.aborted).toBe(true);
    context.emit({ type: 'late' } as never);
    expect(sender.sent).toHaveLength(1);
    await running;
    expect(operations.size).toBe(0);
  });
});
