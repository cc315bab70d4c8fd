/**
 * Types shared by the discovery sources. A source is an async function that returns a value, never
 * throws across the boundary: failures are `SourceError` codes from shared/codes.ts plus a short
 * machine detail (an HTTP status, a Node error code).
 */
import type { ParsedAddress } from '../../../shared/address.ts';
import type { SourceError } from '../../../shared/codes.ts';
import type {
  Candidate,
  EnableStep,
  HostedBy,
  NetworkLevel,
  SourceName,
} from '../../../shared/model.ts';

export type Outcome<T> =
  { ok: true; value: T } | { ok: false; error: SourceError; detail?: string };

/** What one source found: candidates (possibly none) and, for built-in knowledge, the provider. */
export interface Found {
  incoming: Candidate[];
  outgoing: Candidate[];
  provider?: string;
  /** Set by a source whose data says "no IMAP here" (Tuta-like providers). */
  noImap?: boolean;
  /** Set by the MX source: who handles mail for the domain. */
  hostedBy?: HostedBy;
  /** Switches to flip at the provider first (autoconfig `<enable>`). */
  enable?: EnableStep[];
}

/**
 * The answer of one source. `found` with no candidates is reported as outcome `none`.
 * `trusted` says whether the way the data came is trusted (https all the way, same domain).
 */
export type SourceAnswer = (
  | { outcome: 'found'; found: Found; trusted: boolean; url?: string }
  | { outcome: 'none'; trusted: boolean; url?: string; detail?: string; hostedBy?: HostedBy }
  | { outcome: 'error'; error: SourceError; detail?: string; trusted: boolean; url?: string }
) & {
  /** Where the requests went (`URL (address)`), shown when redirected or refused. */
  hops?: string[];
};

/** The DNS answers discovery needs; adapted from the engine's resolver in `dns.ts`. */
export interface DiscoveryDns {
  /** IPv4/IPv6 addresses of a host; empty when the name does not exist. */
  addresses(host: string, signal: AbortSignal): Promise<Outcome<string[]>>;
  /** MX records sorted by preference (lowest first); empty when none. */
  mx(
    domain: string,
    signal: AbortSignal,
  ): Promise<Outcome<Array<{ exchange: string; priority: number }>>>;
  /** SRV records as published (unsorted); empty when none. */
  srv(
    name: string,
    signal: AbortSignal,
  ): Promise<Outcome<Array<{ name: string; port: number; priority: number; weight: number }>>>;
}

/** Everything a source may use. */
export interface SourceContext {
  address: ParsedAddress;
  dns: DiscoveryDns;
  /** Extra CA certificates (PEM) to trust besides the system ones. */
  ca: string[];
  ispdbUrl: string;
  /** Per network request. */
  timeoutMs: number;
  /** The network level of the DNS server's answers (default public: the system's resolver). */
  dnsNetwork?: NetworkLevel;
}

/** One entry of the priority list. */
export interface SourceTask {
  source: SourceName;
  /** The URL or DNS name asked (shown in progress and reports). */
  url: string;
  run(signal: AbortSignal): Promise<SourceAnswer>;
}
