/**
 * The private-network rule, in the spirit of browsers' Private Network Access: data that came from
 * a source on a more public network may not send us to a more private one. Levels, most public
 * first: public > private (RFC 1918, CGNAT, IPv6 ULA) > link-local > loopback. Addresses the person
 * typed (or that follow from the address they typed) have no source level and may go anywhere;
 * data from a source on the same or a more private network (an intranet Exchange, a test lab on
 * loopback) may point at its own level. A few addresses are never probed at all: the unspecified
 * address, multicast and broadcast, and link-local cloud metadata endpoints.
 */
import net from 'node:net';
import type { NetworkLevel } from '../../../shared/model.ts';

export type { NetworkLevel } from '../../../shared/model.ts';

const RANK: Record<NetworkLevel, number> = {
  public: 3,
  private: 2,
  'link-local': 1,
  loopback: 0,
};

function blockList(v4: string[], v6: string[]): net.BlockList {
  const list = new net.BlockList();
  for (const cidr of v4) {
    const [address, prefix] = cidr.split('/');
    list.addSubnet(address!, Number(prefix), 'ipv4');
  }
  for (const cidr of v6) {
    const [address, prefix] = cidr.split('/');
    list.addSubnet(address!, Number(prefix), 'ipv6');
  }
  return list;
}

const NEVER = blockList(
  ['0.0.0.0/8', '224.0.0.0/4', '240.0.0.0/4', '169.254.169.254/32', '169.254.170.2/32'],
  ['::/128', 'ff00::/8', 'fd00:ec2::254/128'],
);
const LOOPBACK = blockList(['127.0.0.0/8'], ['::1/128']);
const LINK_LOCAL = blockList(['169.254.0.0/16'], ['fe80::/10']);
const PRIVATE = blockList(
  ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'],
  ['fc00::/7'],
);

/** `::ffff:10.0.0.1` is 10.0.0.1. */
function unmapped(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

function family(address: string): 'ipv4' | 'ipv6' {
  return net.isIPv4(address) ? 'ipv4' : 'ipv6';
}

/** Whether an address is never probed or asked, whoever named it. */
export function neverReached(ip: string): boolean {
  const address = unmapped(ip);
  if (!net.isIP(address)) return true;
  return NEVER.check(address, family(address));
}

/** The network level of an IP address. */
export function levelOf(ip: string): NetworkLevel {
  const address = unmapped(ip);
  const type = family(address);
  if (LOOPBACK.check(address, type)) return 'loopback';
  if (LINK_LOCAL.check(address, type)) return 'link-local';
  if (PRIVATE.check(address, type)) return 'private';
  return 'public';
}

/** The more public of two levels (`undefined` = typed by the person: no constraint). */
export function morePublic(a: NetworkLevel, b: NetworkLevel): NetworkLevel {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Why an address may not be reached with data from `from`, or null when it may. */
export type Refusal = 'never' | 'more-private';

/**
 * Whether data from a source on `from` (undefined: the person's own input) may send us to `ip`.
 */
export function refusal(from: NetworkLevel | undefined, ip: string): Refusal | null {
  if (neverReached(ip)) return 'never';
  if (from === undefined) return null;
  return RANK[levelOf(ip)] < RANK[from] ? 'more-private' : null;
}

/** The addresses data from `from` may reach (order kept), and why the others may not. */
export function reachable(
  from: NetworkLevel | undefined,
  addresses: readonly string[],
): { allowed: string[]; refused: Refusal | null } {
  const allowed: string[] = [];
  let refused: Refusal | null = null;
  for (const address of addresses) {
    const why = refusal(from, address);
    if (why === null) allowed.push(address);
    else refused ??= why;
  }
  return { allowed, refused };
}
