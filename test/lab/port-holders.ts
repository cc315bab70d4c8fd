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

/** `127.0.0.1:5353/udp is held by dnsmasq (pid 812)`; without a holder: `... is in use`. */
export function describeHolder(wanted: LabPort, holder: Listener | undefined): string {
  const where = `${wanted.host}:${wanted.port}${wanted.protocol === 'udp' ? '/udp' : ''}`;
  if (!holder) return `${where} is in use`;
  const who = holder.process ?? "another user's process (sudo ss -ltunp names it)";
  const on = holder.address !== wanted.host ? ` listening on ${holder.address || '*'}` : '';
  return `${where} is held by ${who}${on}`;
}
