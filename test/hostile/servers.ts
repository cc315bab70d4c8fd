/**
 * Fault-injecting servers on 127.0.0.1 (listen(0)) for the hostile-input tests: each connection is
 * handed to a behaviour that misbehaves on purpose (silence, one byte per second, endless lines,
 * floods, resets, lies). The server counts the bytes it managed to send, so a test can show that
 * the engine gave up long before buffering what the server pushed, and counts open connections, so
 * a test can show that nothing leaked.
 */
import net from 'node:net';
import tls from 'node:tls';

export interface HostileConnection {
  /** The socket to write to: the raw one, or the TLS one after `upgrade`/implicit TLS. */
  readonly socket: net.Socket;
  /** Lines received so far (latin1, without CR LF). */
  readonly lines: string[];
  /** Writes and counts the bytes; false once the peer is gone. */
  send(data: string | Buffer): boolean;
  /** Calls `fn` for every line received from now on. */
  onLine(fn: (line: string) => void): void;
  /** Server side of STARTTLS on this connection (with the server's credentials). */
  upgrade(): void;
  /** True while the client keeps the connection open. */
  readonly open: boolean;
}

export type Behaviour = (connection: HostileConnection) => void;

export interface HostileServer {
  port: number;
  /** Bytes written to all clients so far. */
  readonly bytesSent: number;
  /** Lines received, per connection. */
  readonly received: string[][];
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Connections the server still has open (0 = the client closed everything). */
  openConnections(): Promise<number>;
  /** Polls until no connection is open or `ms` passed; returns the last count. */
  settle(ms?: number): Promise<number>;
  close(): Promise<void>;
}

export interface HostileOptions {
  /** Implicit TLS from the first byte, with these options (key, cert, versions). */
  tls?: tls.TlsOptions;
  /** Credentials for `upgrade()` (STARTTLS). */
  starttls?: tls.TlsOptions;
}

export async function startHostileServer(
  behaviour: Behaviour,
  options: HostileOptions = {},
): Promise<HostileServer> {
  let bytesSent = 0;
  let accepted = 0;
  const sockets = new Set<net.Socket>();
  const received: string[][] = [];

  const server = net.createServer((raw) => {
    accepted += 1;
    sockets.add(raw);
    raw.on('close', () => sockets.delete(raw));
    raw.on('error', () => {});
    const lines: string[] = [];
    received.push(lines);
    const listeners: Array<(line: string) => void> = [];
    let buffer = '';
    let current: net.Socket = raw;
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('latin1');
      // The test servers are hostile, not vulnerable: they keep at most 64 KiB of a line.
      if (buffer.length > 65536) buffer = buffer.slice(-65536);
      let index: number;
      while ((index = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, index).replace(/\r$/, '');
        buffer = buffer.slice(index + 1);
        lines.push(line);
        for (const listener of listeners) listener(line);
      }
    };
    const connection: HostileConnection = {
      get socket() {
        return current;
      },
      lines,
      get open() {
        return !raw.destroyed && !current.destroyed;
      },
      send(data) {
        if (current.destroyed || !current.writable) return false;
        bytesSent += typeof data === 'string' ? Buffer.byteLength(data, 'latin1') : data.length;
        current.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
        return true;
      },
      onLine(fn) {
        listeners.push(fn);
      },
      upgrade() {
        current.off('data', onData);
        buffer = '';
        const secure = new tls.TLSSocket(raw, { isServer: true, ...options.starttls });
        secure.on('error', () => {});
        secure.on('data', onData);
        current = secure;
      },
    };
    if (options.tls) {
      const secure = new tls.TLSSocket(raw, { isServer: true, ...options.tls });
      secure.on('error', () => {});
      secure.on('data', onData);
      current = secure;
      secure.once('secure', () => behaviour(connection));
      return;
    }
    raw.on('data', onData);
    behaviour(connection);
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const openConnections = (): Promise<number> =>
    new Promise((resolve) => server.getConnections((_error, count) => resolve(count ?? 0)));

  return {
    port,
    get bytesSent() {
      return bytesSent;
    },
    get accepted() {
      return accepted;
    },
    received,
    openConnections,
    async settle(ms = 2000) {
      const deadline = Date.now() + ms;
      let count = await openConnections();
      while (count > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        count = await openConnections();
      }
      return count;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Repeats `fn` every `ms` while the connection is open (stops by itself when it closes). */
export function every(connection: HostileConnection, ms: number, fn: () => void): void {
  const timer = setInterval(() => {
    if (!connection.open) clearInterval(timer);
    else fn();
  }, ms);
  timer.unref();
  connection.socket.once('close', () => clearInterval(timer));
}

/**
 * Pushes `chunk` as fast as the client reads it, until the client closes or `limit` bytes went
 * out (respecting back-pressure, so the test process itself stays small).
 */
export function flood(connection: HostileConnection, chunk: string, limit = 64 * 1024 * 1024) {
  const data = Buffer.from(chunk, 'latin1');
  let sent = 0;
  const pump = (): void => {
    while (connection.open && sent < limit) {
      sent += data.length;
      if (!connection.send(data)) return;
      if (connection.socket.writableNeedDrain) {
        connection.socket.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

// ---- behaviours -------------------------------------------------------------------------------

/** Accepts and never says anything. */
export const silent: Behaviour = () => {};

/** Sends `text` one byte per `ms` (a tar pit). */
export function drip(text: string, ms = 1000): Behaviour {
  return (connection) => {
    let index = 0;
    every(connection, ms, () => {
      if (index < text.length) connection.send(text[index++]!);
    });
  };
}

/** Sends the first part of a greeting, then closes. */
export function closeMidGreeting(partial: string): Behaviour {
  return (connection) => {
    connection.send(partial);
    connection.socket.end();
  };
}

/** Waits for the client's first bytes (a TLS ClientHello), then resets the TCP connection. */
export const resetOnFirstBytes: Behaviour = (connection) => {
  connection.socket.once('data', () => connection.socket.resetAndDestroy());
};

/** Sends a greeting start and then bytes without any line end, forever. */
export function endlessLine(start: string): Behaviour {
  return (connection) => {
    connection.send(start);
    flood(connection, 'A'.repeat(16 * 1024));
  };
}

/** Greets, then floods continuation lines (SMTP `250-`, IMAP untagged, POP3 multi-line). */
export function continuationFlood(greeting: string, line: string): Behaviour {
  return (connection) => {
    if (greeting) connection.send(greeting);
    flood(connection, line.repeat(512));
  };
}

/**
 * A line dialogue: sends `greeting`, then answers each line with what `answer` returns (text is
 * sent as is, null = no answer). `answer` may also act on the connection (upgrade, flood, end).
 */
export function dialogue(
  greeting: string,
  answer: (line: string, connection: HostileConnection) => string | null,
): Behaviour {
  return (connection) => {
    connection.send(greeting);
    connection.onLine((line) => {
      const reply = answer(line, connection);
      if (reply !== null) connection.send(reply);
    });
  };
}

/** The tag of an IMAP command line. */
export function tagOf(line: string): string {
  return line.split(' ')[0] ?? '*';
}
