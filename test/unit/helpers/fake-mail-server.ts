/**
 * Scripted fake mail servers on 127.0.0.1 (listen(0)) for hostile and odd cases that real servers
 * cannot produce: each connection gets an optional greeting, then every line the client sends is
 * handed to `onLine`, which answers through the session and may upgrade it to TLS (STARTTLS).
 */
import net from 'node:net';
import tls from 'node:tls';

export interface Credentials {
  key: string;
  cert: string;
}

export interface FakeSession {
  readonly secure: boolean;
  write(text: string): void;
  /** Continues the session over TLS (server side of STARTTLS). */
  upgrade(): void;
  end(): void;
}

export interface FakeScript {
  /** Implicit TLS from the first byte. */
  implicitTls?: boolean;
  /** Sent on connect (or after the handshake); omitted = a silent server. */
  greeting?: string;
  /** Wait this long before the greeting (a slow server). */
  greetingDelayMs?: number;
  onLine?: (line: string, session: FakeSession) => void;
  /** Handles the raw socket instead (for byte-level misbehaviour). */
  onConnection?: (socket: net.Socket) => void;
  credentials?: Credentials;
  tlsOptions?: tls.TlsOptions;
  /** Loopback address to listen on (default 127.0.0.1). */
  address?: string;
}

export interface FakeServer {
  port: number;
  /** Lines received, per connection. */
  received: string[][];
  /** Connections the server still holds open. */
  openConnections(): number;
  close(): Promise<void>;
}

export async function startFakeServer(script: FakeScript): Promise<FakeServer> {
  const sockets = new Set<net.Socket>();
  const received: string[][] = [];
  const server = net.createServer((raw) => {
    sockets.add(raw);
    raw.on('close', () => sockets.delete(raw));
    raw.on('error', () => {});
    if (script.onConnection) return script.onConnection(raw);
    const lines: string[] = [];
    received.push(lines);
    const secureOptions = (): tls.TlsOptions => ({
      key: script.credentials?.key,
      cert: script.credentials?.cert,
      ...script.tlsOptions,
    });
    let current: net.Socket = raw;
    let secure = false;
    let buffer = '';
    const session: FakeSession = {
      get secure() {
        return secure;
      },
      write: (text) => {
        if (!current.destroyed) current.write(text);
      },
      upgrade: () => {
        current.removeListener('data', onData);
        buffer = '';
        const upgraded = new tls.TLSSocket(raw, { isServer: true, ...secureOptions() });
        upgraded.on('error', () => {});
        upgraded.on('data', onData);
        current = upgraded;
        secure = true;
      },
      end: () => current.end(),
    };
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('latin1');
      let index: number;
      while ((index = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, index).replace(/\r$/, '');
        buffer = buffer.slice(index + 1);
        lines.push(line);
        script.onLine?.(line, session);
      }
    };
    if (script.implicitTls) {
      const upgraded = new tls.TLSSocket(raw, { isServer: true, ...secureOptions() });
      upgraded.on('error', () => {});
      upgraded.on('secure', () => {
        if (script.greeting !== undefined) upgraded.write(script.greeting);
      });
      upgraded.on('data', onData);
      current = upgraded;
      secure = true;
      return;
    }
    raw.on('data', onData);
    const greeting = script.greeting;
    if (greeting === undefined) return;
    if (script.greetingDelayMs) setTimeout(() => session.write(greeting), script.greetingDelayMs);
    else raw.write(greeting);
  });
  await new Promise<void>((resolve) => server.listen(0, script.address ?? '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    received,
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
