/**
 * The silent host: accepts TCP connections on every standard mail port of `silent.test` and never
 * sends a byte, holding each socket open until stopped. Clients must time out on their own.
 */
import net from 'node:net';
import { LAB_HOSTS } from './topology.ts';

/** Ports the silent host accepts on. */
export const SILENT_PORTS = [993, 995, 465, 143, 110, 587, 25] as const;

export interface SilentHost {
  stop(): Promise<void>;
}

function listen(server: net.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Starts listeners on `address` for every port in SILENT_PORTS. */
export async function startSilentHost(
  address: string = LAB_HOSTS.silent.address,
): Promise<SilentHost> {
  const sockets = new Set<net.Socket>();
  const servers = SILENT_PORTS.map(() =>
    net.createServer((socket) => {
      sockets.add(socket);
      // Read and drop whatever the client sends; answer nothing, ever.
      socket.on('data', () => undefined);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }),
  );
  await Promise.all(servers.map((server, i) => listen(server, SILENT_PORTS[i]!, address)));
  return {
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all(
        servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
      );
    },
  };
}
