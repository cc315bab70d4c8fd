/**
 * A scripted line-protocol server on 127.0.0.1:0 for hostile and edge cases: sends a greeting,
 * then answers each received line with whatever `reply` returns (null = stay silent). Records
 * every line and connection so tests can prove what was (not) sent. With `tls` it speaks
 * implicit TLS with that key and certificate.
 */
import net from 'node:net';
import tls from 'node:tls';

export interface FakeServer {
  port: number;
  /** Every line received, all connections, in order. */
  lines: string[];
  /** Raw bytes received, all connections. */
  received(): string;
  connections: number;
  /** Connections still open. */
  open(): number;
  close(): Promise<void>;
}

export type Reply = string | string[] | null | { close: true; text?: string };

export async function fakeServer(
  greeting: string | null,
  reply: (line: string, state: Record<string, unknown>) => Reply,
  options: { tls?: { key: string; cert: string } } = {},
): Promise<FakeServer> {
  const lines: string[] = [];
  const chunks: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const result = { port: 0, lines, connections: 0 } as FakeServer;
  const onSocket = (socket: net.Socket): void => {
    result.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const state: Record<string, unknown> = {};
    let buffer = '';
    if (greeting !== null) socket.write(`${greeting}\r\n`);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      buffer += chunk.toString('latin1');
      for (let end = buffer.indexOf('\n'); end !== -1; end = buffer.indexOf('\n')) {
        const line = buffer.slice(0, end).replace(/\r$/, '');
        buffer = buffer.slice(end + 1);
        lines.push(line);
        const answer = reply(line, state);
        if (answer === null) continue;
        if (typeof answer === 'object' && !Array.isArray(answer)) {
          if (answer.text) socket.write(`${answer.text}\r\n`);
          socket.end();
          continue;
        }
        for (const text of [answer].flat()) socket.write(`${text}\r\n`);
      }
    });
  };
  const server = options.tls
    ? tls.createServer({ key: options.tls.key, cert: options.tls.cert }, onSocket)
    : net.createServer(onSocket);
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  result.port = (server.address() as net.AddressInfo).port;
  result.received = () => Buffer.concat(chunks).toString('latin1');
  result.open = () => sockets.size;
  result.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return result;
}
