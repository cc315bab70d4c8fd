/**
 * Fifty tiny IMAP servers for benchmark 5, one per loopback address 127.0.30.1-50: implicit TLS
 * on 993 and STARTTLS on 143, enough of IMAP for a probe (greeting, CAPABILITY, STARTTLS,
 * LOGOUT). Every other standard port of these addresses refuses. Stopped by `close()`.
 */
import net from 'node:net';
import tls from 'node:tls';

export const SCALE_HOSTS = 50;
export const scaleAddress = (i: number): string => `127.0.30.${i + 1}`;

export interface ScaleServers {
  addresses: string[];
  close(): Promise<void>;
}

const CAPS_PLAIN = 'IMAP4rev1 STARTTLS LOGINDISABLED';
const CAPS_TLS = 'IMAP4rev1 AUTH=PLAIN';
/** A client line longer than this is not a probe: hang up. */
const MAX_LINE = 1024;

/** Speaks IMAP on `socket` until LOGOUT; `upgrade` is set for a plain port offering STARTTLS. */
function serveImap(
  socket: net.Socket,
  context: tls.SecureContext,
  sockets: Set<net.Socket>,
  secure: boolean,
): void {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  socket.on('error', () => socket.destroy());
  const caps = secure ? CAPS_TLS : CAPS_PLAIN;
  let buffer = '';
  const onData = (chunk: Buffer): void => {
    buffer += chunk.toString('latin1');
    if (buffer.length > MAX_LINE) return void socket.destroy();
    for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const [tag = '*', command = ''] = line.split(' ');
      switch (command.toUpperCase()) {
        case 'CAPABILITY':
          socket.write(`* CAPABILITY ${caps}\r\n${tag} OK done\r\n`);
          break;
        case 'STARTTLS': {
          if (secure) return void socket.write(`${tag} BAD already secure\r\n`);
          socket.off('data', onData);
          socket.write(`${tag} OK begin TLS\r\n`, () => {
            const upgraded = new tls.TLSSocket(socket, { isServer: true, secureContext: context });
            serveImap(upgraded, context, sockets, true);
          });
          return;
        }
        case 'LOGOUT':
          socket.end(`* BYE bench server\r\n${tag} OK done\r\n`);
          return;
        default:
          socket.write(`${tag} BAD unknown command\r\n`);
      }
    }
  };
  socket.on('data', onData);
}

function listen(server: net.Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Starts the servers with the given certificate; rejects (closing what started) on failure. */
export async function startScaleServers(cert: string, key: string): Promise<ScaleServers> {
  const context = tls.createSecureContext({ cert, key });
  const sockets = new Set<net.Socket>();
  const servers: net.Server[] = [];
  const addresses = Array.from({ length: SCALE_HOSTS }, (_, i) => scaleAddress(i));
  const close = async (): Promise<void> => {
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  };
  try {
    for (const address of addresses) {
      const implicit = tls.createServer({ cert, key }, (socket) => {
        socket.write(`* OK [CAPABILITY ${CAPS_TLS}] bench ready\r\n`);
        serveImap(socket, context, sockets, true);
      });
      const plain = net.createServer((socket) => {
        socket.write(`* OK [CAPABILITY ${CAPS_PLAIN}] bench ready\r\n`);
        serveImap(socket, context, sockets, false);
      });
      implicit.on('tlsClientError', () => undefined);
      servers.push(implicit, plain);
      await listen(implicit, address, 993);
      await listen(plain, address, 143);
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { addresses, close };
}
