/**
 * A small HTTP(S) client for discovery documents: hostnames resolve through the engine's DNS
 * (so a lab DNS server works like the internet), extra CAs are trusted beside the system ones,
 * the body is capped while streaming, one deadline covers all redirects, and the redirect chain is
 * recorded with whether every hop was https and stayed on the expected domain (trust).
 * Every hop obeys the private-network rule (net/network-level.ts): a hop named by a server on a
 * more public network may not lead to a more private one, and the chain records which address
 * each request actually went to. A POST is never redirected from https to http.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { getDomain } from 'tldts';
import type { NetworkLevel } from '../../../shared/model.ts';
import { levelOf, morePublic, reachable, refusal } from '../net/network-level.ts';
import { secureContext } from '../net/tls-handshake.ts';
import type { DiscoveryDns, Outcome } from './types.ts';

export const MAX_DOCUMENT_BYTES = 1024 * 1024;
export const MAX_REDIRECTS = 5;

export interface FetchOptions {
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  dns: DiscoveryDns;
  ca?: string[];
  timeoutMs: number;
  signal?: AbortSignal;
  maxBytes?: number;
  maxRedirects?: number;
  /** Every hop must stay within this registrable domain to be trusted; null = any domain. */
  trustDomain: string | null;
  /**
   * The network level of whoever named the first URL (a document, a DNS answer); absent when it
   * follows from what the person typed. Later hops are bound by the servers that redirected.
   */
  from?: NetworkLevel;
}

export interface FetchedDocument {
  url: string;
  status: number;
  contentType: string;
  body: string;
  /** Every URL asked, the first one first. */
  chain: string[];
  /** https on every hop, and within `trustDomain` when one was given. */
  trusted: boolean;
  /** The most public network level among the servers asked (what the data's source is). */
  network: NetworkLevel;
}

/** A fetch's outcome plus where its requests went (`URL (address)`, one per hop asked). */
export type FetchOutcome = Outcome<FetchedDocument> & { hops: string[] };

type Hop =
  | { kind: 'done'; status: number; contentType: string; body: string }
  | { kind: 'redirect'; status: number; location: string };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Where one hop went: the address dialled (set by the lookup). */
interface HopTarget {
  address?: string;
}

/** A lookup through the engine's DNS that dials only addresses the network rule allows. */
function lookupThrough(
  dns: DiscoveryDns,
  signal: AbortSignal,
  from: NetworkLevel | undefined,
  target: HopTarget,
): net.LookupFunction {
  return (hostname, options, callback) => {
    const reply = (address: string): void => {
      target.address = address;
      const ipFamily = net.isIP(address);
      if (options.all) callback(null, [{ address, family: ipFamily }]);
      else callback(null, address, ipFamily);
    };
    const fail = (code: string, message: string): void =>
      callback(Object.assign(new Error(message), { code }), '', 0);
    const pick = (addresses: string[]): void => {
      const { allowed, refused } = reachable(from, addresses);
      const first = allowed[0];
      if (first) return reply(first);
      if (refused) {
        target.address = addresses[0];
        return fail(`E${refused.toUpperCase()}`, `${hostname}: ${refused}`);
      }
      fail('ENOTFOUND', `cannot resolve ${hostname}`);
    };
    if (net.isIP(hostname)) return pick([hostname]);
    void dns.addresses(hostname, signal).then((answer) => {
      if (!answer.ok) return fail('EDNS', `cannot resolve ${hostname}`);
      pick(answer.value);
    });
  };
}

/** Lookup error codes of the network rule (`ENEVER`, `EMORE-PRIVATE`). */
const RULE_CODES = new Set(['ENEVER', 'EMORE-PRIVATE']);

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown';
}

function requestOnce(
  url: URL,
  options: FetchOptions,
  signal: AbortSignal,
  target: HopTarget,
): Promise<Outcome<Hop>> {
  const maxBytes = options.maxBytes ?? MAX_DOCUMENT_BYTES;
  // Node's http skips the lookup for an IP literal: the rule is checked here for those.
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(literal)) {
    target.address = literal;
    const why = refusal(options.from, literal);
    if (why) return Promise.resolve({ ok: false, error: 'private-network', detail: why });
  }
  return new Promise((resolve) => {
    const secure = url.protocol === 'https:';
    const body = options.body === undefined ? undefined : Buffer.from(options.body, 'utf8');
    const request = (secure ? https : http).request(url, {
      method: options.method ?? 'GET',
      headers: {
        'user-agent': 'mail-setup-wizard',
        accept: 'application/xml, text/xml;q=0.9, */*;q=0.1',
        ...(body ? { 'content-length': String(body.length) } : {}),
        ...options.headers,
      },
      lookup: lookupThrough(options.dns, signal, options.from, target),
      signal,
      agent: false,
      // A shared context: building one with every root certificate costs ~100 ms of CPU. SNI
      // carries names only, never an IP literal (RFC 6066 §3; Node warns DEP0123 otherwise).
      ...(secure
        ? {
            secureContext: secureContext({ ca: options.ca }),
            ...(net.isIP(literal) ? {} : { servername: url.hostname }),
          }
        : {}),
    });
    request.on('error', (error) => {
      const code = errorCode(error);
      if (signal.aborted) resolve({ ok: false, error: 'timeout', detail: code });
      else if (RULE_CODES.has(code))
        resolve({ ok: false, error: 'private-network', detail: code.slice(1).toLowerCase() });
      else if (code === 'EDNS') resolve({ ok: false, error: 'dns-error', detail: code });
      else resolve({ ok: false, error: 'network', detail: code });
    });
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECTS.has(status) && location) {
        response.resume();
        resolve({ ok: true, value: { kind: 'redirect', status, location } });
        return;
      }
      const declared = Number(response.headers['content-length'] ?? 0);
      if (declared > maxBytes) {
        response.destroy();
        resolve({ ok: false, error: 'too-large', detail: `content-length ${declared}` });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          response.destroy();
          resolve({ ok: false, error: 'too-large', detail: `more than ${maxBytes} bytes` });
          return;
        }
        chunks.push(chunk);
      });
      response.on('error', (error) => {
        resolve({
          ok: false,
          error: signal.aborted ? 'timeout' : 'network',
          detail: errorCode(error),
        });
      });
      response.on('close', () => {
        if (!response.complete) {
          resolve({
            ok: false,
            error: signal.aborted ? 'timeout' : 'network',
            detail: 'incomplete',
          });
        }
      });
      response.on('end', () => {
        const contentType = String(response.headers['content-type'] ?? '').toLowerCase();
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ ok: true, value: { kind: 'done', status, contentType, body: text } });
      });
    });
    request.end(body);
  });
}

function sameDomain(url: URL, trustDomain: string | null): boolean {
  if (trustDomain === null) return true;
  const registrable = getDomain(url.hostname) ?? url.hostname;
  return registrable === (getDomain(trustDomain) ?? trustDomain);
}

/** One hop as the report shows it: the URL and the address it actually went to. */
function hopText(url: URL, target: HopTarget): string {
  return target.address ? `${url.href} (${target.address})` : url.href;
}

/** Fetches one document; failures are values (`timeout`, `network`, `too-large`, ...). */
export async function fetchDocument(start: string, options: FetchOptions): Promise<FetchOutcome> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const chain: string[] = [];
  const hops: string[] = [];
  let trusted = true;
  let url: URL;
  try {
    url = new URL(start);
  } catch {
    return { ok: false, error: 'network', detail: 'bad url', hops };
  }
  const limit = options.maxRedirects ?? MAX_REDIRECTS;
  let method = options.method ?? 'GET';
  // The level the next hop is bound by: who named it (first the caller's source, then each server).
  let from = options.from;
  let network: NetworkLevel | undefined = options.from;
  for (let hop = 0; hop <= limit; hop++) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return { ok: false, error: 'network', detail: `scheme ${url.protocol}`, hops };
    }
    chain.push(url.href);
    trusted &&= url.protocol === 'https:' && sameDomain(url, options.trustDomain);
    const body = method === 'GET' ? undefined : options.body;
    const target: HopTarget = {};
    const answer = await requestOnce(url, { ...options, method, body, from }, signal, target);
    hops.push(hopText(url, target));
    if (!answer.ok) return { ...answer, hops };
    const level = target.address ? levelOf(target.address) : 'public';
    network = network === undefined ? level : morePublic(network, level);
    from = network;
    const value = answer.value;
    if (value.kind === 'done') {
      return {
        ok: true,
        value: {
          url: url.href,
          status: value.status,
          contentType: value.contentType,
          body: value.body,
          chain,
          trusted,
          network,
        },
        hops,
      };
    }
    let next: URL;
    try {
      next = new URL(value.location, url);
    } catch {
      return { ok: false, error: 'network', detail: 'bad redirect location', hops };
    }
    if (value.status === 303) method = 'GET';
    // A POST (Autodiscover's, with the address in it) never leaves https.
    if (method === 'POST' && url.protocol === 'https:' && next.protocol !== 'https:') {
      hops.push(next.href);
      return { ok: false, error: 'insecure-redirect', detail: `${value.status} to http`, hops };
    }
    url = next;
  }
  return {
    ok: false,
    error: 'too-many-redirects',
    detail: chain.join(' -> ').slice(0, 500),
    hops,
  };
}

/** Whether a Content-Type header announces XML. */
export function isXmlContentType(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim() ?? '';
  return (
    type === 'application/xml' || type === 'text/xml' || /^application\/[\w.+-]+\+xml$/.test(type)
  );
}
