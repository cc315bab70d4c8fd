/**
 * DNS for the health checks: the engine's resolver wrapped so every query is counted (the report
 * says how many a domain cost), and answers turned into values: "no such name" and "no data" are
 * empty, anything else a lookup failure with the resolver's code.
 */
import { createResolver, type FullResolver, type Resolver } from '../net/resolver.ts';

export type Answer<T> = { ok: true; value: T[] } | { ok: false; code: string };

export interface HealthDns {
  txt(name: string): Promise<Answer<string>>;
  mx(domain: string): Promise<Answer<{ exchange: string; priority: number }>>;
  addresses(host: string): Promise<Answer<string>>;
  /** Queries asked so far. */
  readonly queries: number;
  /** The resolver underneath, counting too (for the probe of the MX hosts). */
  readonly resolver: Resolver;
}

const EMPTY = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN']);

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown';
}

async function settle<T>(query: () => Promise<T[]>): Promise<Answer<T>> {
  try {
    return { ok: true, value: await query() };
  } catch (error) {
    const code = codeOf(error);
    return EMPTY.has(code) ? { ok: true, value: [] } : { ok: false, code };
  }
}

/** A resolver with TXT lookups: the given one when it has them, else a new one of the same kind. */
export function withTxt(resolver: Resolver | undefined, timeoutMs?: number): FullResolver {
  if (resolver && typeof (resolver as Partial<FullResolver>).txt === 'function') {
    return resolver as FullResolver;
  }
  return createResolver({ timeoutMs });
}

export function healthDns(base: FullResolver, signal?: AbortSignal): HealthDns {
  let queries = 0;
  const count = <T>(run: () => Promise<T>, asked = 1): Promise<T> => {
    queries += asked;
    return run();
  };
  const resolver: Resolver = {
    // An address lookup asks A and AAAA.
    lookup: (host, s) => count(() => base.lookup(host, s ?? signal), 2),
    mx: (domain, s) => count(() => base.mx(domain, s ?? signal)),
    srv: (name, s) => count(() => base.srv(name, s ?? signal)),
  };
  return {
    txt: (name) => settle(() => count(() => base.txt(name, signal))),
    mx: (domain) =>
      settle(async () => [...(await resolver.mx(domain))].sort((a, b) => a.priority - b.priority)),
    addresses: (host) => settle(() => resolver.lookup(host)),
    get queries() {
      return queries;
    },
    resolver,
  };
}
