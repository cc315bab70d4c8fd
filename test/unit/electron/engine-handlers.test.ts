import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../helpers/stub-electron.ts')).electronModule());

import type { IpcMain } from 'electron';
import { EVENT_CHANNEL, type OperationEvent, type Result } from '../../../shared/ipc.ts';
import { engineHandlers } from '../../../electron/handlers/engine.ts';
import { registerIpc, type Handlers } from '../../../electron/ipc.ts';
import { StubWebContents, ipcMain, resetElectron } from '../../helpers/stub-electron.ts';

let server: Server;
const sockets = new Set<Socket>();

/** A loopback server that greets like IMAP, or (silent) accepts and says nothing. */
async function listen(silent: boolean): Promise<number> {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    if (silent) return;
    socket.write('* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready\r\n');
    socket.on('data', (data) => {
      const tag = data.toString().split(' ')[0];
      if (/CAPABILITY/i.test(data.toString())) {
        socket.write(`* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\n${tag} OK done\r\n`);
      } else if (/LOGOUT/i.test(data.toString())) {
        socket.end(`* BYE\r\n${tag} OK bye\r\n`);
      } else {
        socket.write(`${tag} BAD no\r\n`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

beforeEach(() => {
  resetElectron();
  const others = {} as Handlers;
  registerIpc(ipcMain as unknown as IpcMain, { ...others, ...engineHandlers() });
});

afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server?.close(resolve));
});

describe('probe:run through IPC', () => {
  it('probes a real loopback server, streaming port events before the report', async () => {
    const port = await listen(false);
    const sender = new StubWebContents();
    const result = (await ipcMain.invoke(
      'probe:run',
      { operationId: 'p1', host: '127.0.0.1', ports: [port] },
      { sender },
    )) as Result<{ host: string; ports: Array<{ port: number; status: string }> }>;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.ports.map((p) => p.port)).toEqual([port]);
    const events = sender.sent
      .filter((m) => m.channel === EVENT_CHANNEL)
      .map((m) => (m.payload as OperationEvent).event.type);
    expect(events).toContain('port');
    expect(events).not.toContain('done');
    expect(sender.sent.every((m) => (m.payload as OperationEvent).operationId === 'p1')).toBe(true);
  });

  it('cancel aborts a probe stuck on a silent server long before its timeout', async () => {
    const port = await listen(true);
    const sender = new StubWebContents();
    const started = Date.now();
    const running = ipcMain.invoke(
      'probe:run',
      { operationId: 'p2', host: '127.0.0.1', ports: [port] },
      { sender },
    );
    await vi.waitFor(() => expect(sockets.size).toBe(1));
    expect(await ipcMain.invoke('operation:cancel', { operationId: 'p2' }, { sender })).toEqual({
      ok: true,
      value: true,
    });
    expect(await running).toEqual({ ok: false, code: 'cancelled' });
    // The engine's default step timeout is 10 s; a cancelled probe ends far sooner.
    expect(Date.now() - started).toBeLessThan(5_000);
    await vi.waitFor(() => expect(sockets.size).toBe(0));
  });
});

describe('check:run and verify:run through IPC', () => {
  it('refuse an unusable address with the parser’s reason, before any network step', async () => {
    expect(
      await ipcMain.invoke('check:run', { operationId: 'c1', address: 'anna.example.org' }),
    ).toEqual({
      ok: false,
      code: 'invalid-address',
      detail: 'missing-at',
    });
    const endpoint = { host: '127.0.0.1', port: 1, security: 'tls', username: 'anna' };
    expect(
      await ipcMain.invoke('verify:run', {
        operationId: 'v1',
        address: 'anna@@example.org',
        incoming: { ...endpoint, protocol: 'imap' },
        outgoing: { ...endpoint, protocol: 'smtp' },
        password: 'pw',
        allowInsecure: [],
      }),
    ).toMatchObject({ ok: false, code: 'invalid-address' });
  });

  it('verify:run reports a classified failure and guidance as a result, not a throw', async () => {
    const port = await listen(true);
    server.close();
    for (const socket of sockets) socket.destroy();
    const endpoint = { host: '127.0.0.1', port, security: 'tls', username: 'anna@example.org' };
    const result = (await ipcMain.invoke('verify:run', {
      operationId: 'v2',
      address: 'anna@example.org',
      incoming: { ...endpoint, protocol: 'imap' },
      outgoing: { ...endpoint, protocol: 'smtp' },
      password: 'never-sent',
      allowInsecure: [],
    })) as Result<{ incoming: { ok: boolean; reason?: string }; guidance: unknown[] }>;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.incoming.ok).toBe(false);
    expect(result.value.incoming.reason).toBe('unreachable');
    expect(Array.isArray(result.value.guidance)).toBe(true);
    expect(JSON.stringify(result)).not.toContain('never-sent');
  });
});
