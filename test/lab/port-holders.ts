/**
 * Who already listens where: the listening TCP and UDP sockets of this network namespace from
 * `ss -Hltunp`, so the lab can refuse to start next to another server and name it.
 */
import { spawnSync } from 'node:child_process';

export interface Listener {
  protocol: 'tcp' | 'udp';
  address: string;
  port: number;
  /** `name (pid N)`, or undefined when ss may not show it (another user's process). */
  process: string | undefined;
}

export interface LabPort {
  host: string;
  port: number;
  protocol: 'tcp' | 'udp';
}

const WILDCARDS = new Set(['0.0.0.0', '*', '::', '']);

/** One line of `ss -Hltunp` (Netid State Recv-Q Send-Q Local Peer [Process]). */
export function parseListener(line: string): Listener | undefined {
  const [netid, , , , local, , ...rest] = line.trim().split(/\s+/);
  if ((netid !== 'tcp' && netid !== 'udp') || !local) return undefined;
  const colon = local.lastIndexOf(':');
  const port = Number(local.slice(colon + 1));
  if (colon < 0 || !Number.isInteger(port)) return undefined;
  const address = local
    .slice(0, colon)
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  const users = rest.join(' ').match(/\(\("([^"]+)",pid=(\d+)/);
  return {
    protocol: netid,
    address,
    port,
    process: users ? `${users[1]} (pid ${users[2]})` : undefined,
  };
}

/** Every listening socket, or undefined when ss cannot be run. */
export function listeners(): Listener[] | undefined {
  const result = spawnSync('ss', ['-Hltunp'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  return result.stdout
    .split('\n')
    .map(parseListener)
    .filter((l): l is Listener => l !== undefined);
}

/** The listener that holds `wanted` (on its address or on every address), if any. */
export function holderOf(wanted: LabPort, all: readonly Listener[]): Listener | undefined {
  return all.find(
    (l) =>
      l.protocol === wanted.protocol &&
      l.port === wanted.port &&
      (l.address === wanted.host || WILDCARDS.has(l.address)),
  );
}

function hostPort(address: string, port: number): string {
  return `${address.includes(':') ? `[${address}]` : address || '*'}:${port}`;
}

function where(port: LabPort): string {
  return `${port.host}:${port.port}${port.protocol === 'udp' ? '/udp' : ''}`;
}

/**
 * The busy lab ports in a few words, grouped by who holds them:
 * `127.0.10.1:993, 127.0.10.2:993 and 3 more: held by python3 (pid 812) on 0.0.0.0:993`.
 * A port without a known holder (no ss) reads `127.0.10.1:993: in use`.
 */
export function describeBusy(
  busy: ReadonlyArray<{ port: LabPort; holder: Listener | undefined }>,
): string {
  const groups = new Map<string, string[]>();
  for (const { port, holder } of busy) {
    const who = !holder
      ? 'in use'
      : `held by ${holder.process ?? "another user's process (sudo ss -ltunp names it)"}` +
        (holder.address === port.host ? '' : ` on ${hostPort(holder.address, holder.port)}`);
    groups.set(who, [...(groups.get(who) ?? []), where(port)]);
  }
  return [...groups]
    .map(([who, ports]) => {
      const more = ports.length > 2 ? ` and ${ports.length - 2} more` : '';
      return `${ports.slice(0, 2).join(', ')}${more}: ${who}`;
    })
    .join('; ');
}
