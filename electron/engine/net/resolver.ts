/**
 * DNS for the engine: addresses, MX, SRV and TXT records through either the system's resolver or a
 * given DNS server (`IP[:PORT]`, e.g. the lab's dnsmasq). Every query has a timeout and obeys an
 * AbortSignal; a failure rejects with an Error carrying the resolver's `code` ('ENOTFOUND',
 * 'ENODATA', 'ETIMEOUT', 'ECONNREFUSED', 'ESERVFAIL', ...), which callers turn into result values.
 */
import dns from 'node:dns';
import net from 'node:net';
import type { NetworkLevel } from '../../../shared/model.ts';
import { levelOf } from './network-level.ts';

export interface Resolver {
  /** A and AAAA addresses (IPv4 first); an IP literal is returned as is. */
  lookup(host: string, signal?: AbortSignal): Promise<string[]>;
  mx(domain: string, signal?: AbortSignal): Promise<Array<{ exchange: string; priority: number }>>;
  srv(
    name: string,
    signal?: AbortSignal,
  ): Promise<Array<{ name: string; port: number; priority: number; weight: number }>>;
  /**
   * The network level of the DNS server answering: the level of a server the person gave, public
   * for the system's resolver (whatever it forwards to, its answers come from the internet).
   * Absent = public.
   */
  network?: NetworkLevel;
}

/** TXT lookups (SPF, DKIM, DMARC, MTA-STS, TLS-RPT): each record's strings joined, as RFC 7208 §3.3 says. */
export interface TxtLookup {
  txt(name: string, signal?: AbortSignal): Promise<string[]>;
}

/** The resolver `createResolver` builds: every lookup, TXT included. */
export type FullResolver = Resolver & TxtLookup;

export interface ResolverOptions {
  /** DNS server as 'IP[:PORT]'; the system's resolver when absent. */
  server?: string;
  /** Per-query timeout in ms (default 10000). */
  timeoutMs?: number;
}

export const DEFAULT_DNS_TIMEOUT_MS = 10_000;
/** More records than this in one answer is not a mail setup; the rest is ignored. */
const MAX_RECORDS = 64;

/** Parses 'IP', 'IP:PORT', '[IPv6]:PORT'; null when invalid. */
export function parseDnsServer(text: string): { address: string; port: number } | null {
  const trimmed = text.trim();
  let address = trimmed;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(trimmed);
  if (bracketed) {
    address = bracketed[1] ?? '';
    portText = bracketed[2];
  } else if (net.isIPv4(trimmed.split(':')[0] ?? '') && trimmed.includes(':')) {
    [address = '', portText] = trimmed.split(':');
  }
  if (!net.isIP(address)) return null;
  if (portText === undefined) return { address, port: 53 };
  if (!/^\d{1,5}$/.test(portText)) return null;
  const port = Number(portText);
  return port >= 1 && port <= 65535 ? { address, port } : null;
}

export function createResolver(options: ResolverOptions = {}): FullResolver {
  const timeoutMs = options.timeoutMs ?? DEFAULT_DNS_TIMEOUT_MS;
  let servers: string[] | undefined;
  let network: NetworkLevel = 'public';
  if (options.server !== undefined) {
    const parsed = parseDnsServer(options.server);
    if (!parsed) throw new TypeError(`invalid DNS server '${options.server}'`);
    network = levelOf(parsed.address);
    servers = [
      net.isIPv6(parsed.address)
        ? `[${parsed.address}]:${parsed.port}`
        : `${parsed.address}:${parsed.port}`,
    ];
  }

  /** Runs one query on its own c-ares channel, so cancelling it cancels nothing else. */
  const query = <T>(
    signal: AbortSignal | undefined,
    run: (resolver: dns.promises.Resolver) => Promise<T>,
  ): Promise<T> => {
    const resolver = new dns.promises.Resolver({ timeout: timeoutMs, tries: 1 });
    if (servers) resolver.setServers(servers);
    return bounded(run(resolver), timeoutMs, signal, () => resolver.cancel());
  };

  return {
    network,
    async lookup(host, signal) {
      if (net.isIP(host)) return [host];
      if (!servers) {
        const found = await bounded(
          dns.promises.lookup(host, { all: true, verbatim: true }),
          timeoutMs,
          signal,
        );
        return sortFamilies(found.map((entry) => entry.address));
      }
      const [v4, v6] = await Promise.allSettled([
        query(signal, (r) => r.resolve4(host)),
        query(signal, (r) => r.resolve6(host)),
      ]);
      const addresses = [
        ...(v4.status === 'fulfilled' ? v4.value : []),
        ...(v6.status === 'fulfilled' ? v6.value : []),
      ].slice(0, MAX_RECORDS);
      if (addresses.length > 0) return addresses;
      throw pickError([v4, v6]);
    },
    async mx(domain, signal) {
      const records = await query(signal, (r) => r.resolveMx(domain));
      return records
        .slice(0, MAX_RECORDS)
        .map((record) => ({ exchange: record.exchange, priority: record.priority }));
    },
    async srv(name, signal) {
      const records = await query(signal, (r) => r.resolveSrv(name));
      return records.slice(0, MAX_RECORDS).map((record) => ({
        name: record.name,
        port: record.port,
        priority: record.priority,
        weight: record.weight,
      }));
    },
    async txt(name, signal) {
      const records = await query(signal, (r) => r.resolveTxt(name));
      return records.slice(0, MAX_RECORDS).map((chunks) => chunks.join(''));
    },
  };
}

function sortFamilies(addresses: string[]): string[] {
  return [...addresses.filter(net.isIPv4), ...addresses.filter(net.isIPv6)].slice(0, MAX_RECORDS);
}

/** The most telling error of A and AAAA: a server problem beats "no such name" beats "no data". */
function pickError(results: PromiseSettledResult<unknown>[]): Error {
  const errors = results
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => r.reason as Error & { code?: string });
  const rank = (code: string | undefined): number =>
    code === 'ENODATA' ? 0 : code === 'ENOTFOUND' ? 1 : 2;
  const worst = errors.sort((a, b) => rank(b.code) - rank(a.code))[0];
  return worst ?? dnsError('ENODATA', 'no addresses');
}

function dnsError(code: string, message: string): Error {
  return Object.assign(new Error(`${message} (${code})`), { code });
}

/** Races a query against its timeout and the caller's signal; `cancel` stops the query. */
function bounded<T>(
  promise: Promise<T>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  cancel?: () => void,
): Promise<T> {
  if (signal?.aborted) {
    cancel?.();
    return Promise.reject(dnsError('ECANCELLED', 'DNS query aborted'));
  }
  return new Promise<T>((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      done();
      cancel?.();
      reject(dnsError('ECANCELLED', 'DNS query aborted'));
    };
    const timer = setTimeout(() => {
      done();
      cancel?.();
      reject(dnsError('ETIMEOUT', 'DNS query timed out'));
    }, timeoutMs + 50);
    timer.unref();
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}
