/**
 * Who a login timeout blames. A timeout before the TCP connection stood is the network's (a
 * firewall on the way, no route); a timeout after the server accepted the connection is the
 * server's: it, or a firewall in front of it, took the connection and then said nothing. Told
 * apart with one short, fresh connection after the timed-out attempt (no bytes are sent on it).
 */
import net from 'node:net';

/** The longest the follow-up connection may take. */
export const SILENCE_CHECK_MS = 2_000;

/** True when a TCP connection to ip:port opens within `timeoutMs`. */
export function acceptsConnection(
  ip: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const socket = net.connect({ host: ip, port });
    const done = (accepted: boolean): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(accepted);
    };
    const onAbort = (): void => done(false);
    const timer = setTimeout(() => done(false), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
