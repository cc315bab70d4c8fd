/**
 * Adapts the engine's resolver (electron/engine/net/resolver.ts, which rejects with DNS error
 * codes) to the result values discovery works with: "no such name" and "no records" are empty
 * answers, a timeout is `timeout`, anything else is `dns-error` with the resolver's code.
 */
import type { Resolver } from '../net/resolver.ts';
import type { DiscoveryDns, Outcome } from './types.ts';

const EMPTY = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN']);

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown';
}

async function settle<T>(query: () => Promise<T[]>): Promise<Outcome<T[]>> {
  try {
    return { ok: true, value: await query() };
  } catch (error) {
    const code = codeOf(error);
    if (EMPTY.has(code)) return { ok: true, value: [] };
    if (code === 'ETIMEOUT' || code === 'ECANCELLED')
      return { ok: false, error: 'timeout', detail: code };
    return { ok: false, error: 'dns-error', detail: code };
  }
}

export function discoveryDns(resolver: Resolver): DiscoveryDns {
  return {
    addresses: (host, signal) => settle(() => resolver.lookup(host, signal)),
    mx: (domain, signal) =>
      settle(async () =>
        [...(await resolver.mx(domain, signal))].sort((a, b) => a.priority - b.priority),
      ),
    srv: (name, signal) => settle(() => resolver.srv(name, signal)),
  };
}
