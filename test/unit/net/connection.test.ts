import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, Connection } from '../../../electron/engine/net/connection.ts';
import { upgrade } from '../../../electron/engine/net/starttls.ts';
import { closedPort, startFakeServer, type FakeServer } from '../helpers/fake-mail-server.ts';

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serveRaw(onConnection: (socket: net.Socket) => void): Promise<FakeServer> {
  const server = await startFakeServer({ onConnection });
  servers.push(server);
  return server;
}

async function open(
  port: number,
  extra: Partial<Parameters<typeof connect>[0]> = {},
): Promise<Connection> {
  const result = await connect({
    address: '127.0.0.1',
    port,
    host: 'x.test',
    timeoutMs: 1000,
    ...extra,
  });
  if (!result.ok) throw new Error(`connect failed: ${result.error.code}`);
  return result.value;
}

describe('Connection', () => {
  it('reads lines split across packets and multi-line replies', async () => {
    const server = await serveRaw((socket) => {
      socket.write('250-one\r');
      setTimeout(() => socket.write('\n250 two\r\n'), 20);
    });
    const connection = await open(server.port);
    const reply = await connection.readReply((line) => !line.startsWith('250-'));
    expect(reply).toEqual({ ok: true, value: ['250-one', '250 two'] });
    expect(connection.timings.connectMs).toBeGreaterThanOrEqual(0);
    connection.close();
  });

  it('keeps the connection after a read timeout', async () => {
    const server = await serveRaw((socket) => setTimeout(() => socket.write('late\r\n'), 150));
    const connection = await open(server.port);
    expect(await connection.readLine(30)).toEqual({
      ok: false,
      error: { code: 'timeout', detail: 'read' },
    });
    expect(await connection.readLine(1000)).toEqual({ ok: true, value: 'late' });
    connection.close();
  });

  it('refuses a line longer than the limit', async () => {
    const server = await serveRaw((socket) => socket.write('x'.repeat(5000)));
    const connection = await open(server.port, { limits: { maxLineLength: 1024 } });
    const line = await connection.readLine();
    expect(line.ok).toBe(false);
    if (!line.ok) expect(line.error.code).toBe('line-too-long');
    expect(connection.socket.destroyed).toBe(true);
  });

  it('stops reading after the byte limit, even in short lines', async () => {
    const server = await serveRaw((socket) => socket.write('* OK\r\n'.repeat(2000)));
    const connection = await open(server.port, { limits: { maxBytes: 4096 } });
    let result;
    do result = await connection.readLine();
    while (result.ok);
    expect(result.error.code).toBe('too-much-data');
    expect(connection.bytesReceived).toBeLessThan(12_000 + 4096);
  });

  it('reports a server that hangs up as closed, after the lines it did send', async () => {
    const server = await serveRaw((socket) => socket.end('bye\r\n'));
    const connection = await open(server.port);
    expect(await connection.readLine()).toEqual({ ok: true, value: 'bye' });
    const next = await connection.readLine();
    expect(next.ok === false && next.error.code).toBe('closed');
  });

  it('ends a read at once when the signal aborts', async () => {
    const server = await serveRaw(() => {});
    const controller = new AbortController();
    const connection = await open(server.port, { signal: controller.signal, timeoutMs: 10_000 });
    setTimeout(() => controller.abort(), 30);
    const started = Date.now();
    const line = await connection.readLine();
    expect(line.ok === false && line.error.code).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(connection.socket.destroyed).toBe(true);
  });

  it('reports refused and timed-out connects as values', async () => {
    const refused = await connect({
      address: '127.0.0.1',
      port: await closedPort(),
      host: 'x.test',
    });
    expect(refused).toEqual({ ok: false, error: { code: 'refused', detail: 'ECONNREFUSED' } });
    const silent = await serveRaw(() => {});
    const tlsTimeout = await connect({
      address: '127.0.0.1',
      port: silent.port,
      host: 'x.test',
      tls: {},
      timeoutMs: 200,
    });
    expect(tlsTimeout).toEqual({ ok: false, error: { code: 'timeout', detail: 'tls' } });
  });

  it('refuses to carry bytes received before a TLS upgrade across it', async () => {
    const server = await serveRaw((socket) => socket.write('OK go ahead\r\n* injected\r\n'));
    const connection = await open(server.port);
    expect(await connection.readLine()).toEqual({ ok: true, value: 'OK go ahead' });
    const upgraded = await upgrade(connection, 'x.test', {});
    expect(upgraded.ok === false && upgraded.error.code).toBe('starttls-injection');
    expect(connection.socket.destroyed).toBe(true);
  });
});
