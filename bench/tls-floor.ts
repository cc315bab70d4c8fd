/**
 * The floor for benchmark 5: the same kind of network work as a seven-port probe of a scale host,
 * done with bare Node sockets and no engine at all. Per host: two TLS sessions on 993 (each reads
 * the greeting and says LOGOUT; the probe has one on 993 and one after STARTTLS on 143) and five
 * connects that are refused. What this costs is what the machine allows; the engine can only add.
 */
import net from 'node:net';
import tls from 'node:tls';

const REFUSED_PORTS = [995, 465, 110, 587, 25];
const STEP_TIMEOUT_MS = 10_000;

function tlsSession(host: string, context: tls.SecureContext): Promise<void> {
  return new Promise((resolve) => {
    const socket = tls.connect({
      host,
      port: 993,
      secureContext: context,
      rejectUnauthorized: false,
    });
    socket.setTimeout(STEP_TIMEOUT_MS, () => socket.destroy());
    socket.once('secureConnect', () => socket.getPeerCertificate(false));
    socket.once('data', () => socket.end('a1 LOGOUT\r\n'));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => resolve());
  });
}

function refusedConnect(host: string, port: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(STEP_TIMEOUT_MS, () => socket.destroy());
    socket.on('connect', () => socket.destroy());
    socket.on('error', () => socket.destroy());
    socket.on('close', () => resolve());
  });
}

/** Runs the floor workload against every host at once. */
export async function tlsFloor(hosts: readonly string[], ca: string): Promise<void> {
  const context = tls.createSecureContext({ ca: [...tls.rootCertificates, ca] });
  await Promise.all(
    hosts.flatMap((host) => [
      tlsSession(host, context),
      tlsSession(host, context),
      ...REFUSED_PORTS.map((port) => refusedConnect(host, port)),
    ]),
  );
}
