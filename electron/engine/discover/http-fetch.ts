/**
 * A small HTTP(S) client for discovery documents: hostnames resolve through the engine's DNS
 * (so a lab DNS server works like the internet), extra CAs are trusted beside the system ones,
 * the body is capped while streaming, one deadline covers all redirects, and the redirect chain is
 * recorded with whether every hop was https and stayed on the expected domain (trust).
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { getDomain } from 'tldts';
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
}

type Hop =
  | { kind: 'done'; status: number; contentType: string; body: string }
  | { kind: 'redirect'; status: number; location: string };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function lookupThrough(dns: DiscoveryDns, signal: AbortSignal): net.LookupFunction {
  return (hostname, options, callback) => {
    const family = net.isIP(hostname);
    const reply = (address: string): void => {
      const ipFamily = net.isIP(address);
      if (options.all) callback(null, [{ address, family: ipFamily }]);
      else callback(null, address, ipFamily);
    };
    if (family) return reply(hostname);
    void dns.addresses(hostname, signal).then((answer) => {
      const first = answer.ok ? answer.value[0] : undefined;
      if (first) return reply(first);
      const error = Object.assign(new Error(`cannot resolve ${hostname}`), {
        code: answer.ok ? 'ENOTFOUND' : 'EDNS',
      });
      callback(error, '', 0);
    });
  };
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown';
}

function requestOnce(url: URL, options: FetchOptions, signal: AbortSignal): Promise<Outcome<Hop>> {
  const maxBytes = options.maxBytes ?? MAX_DOCUMENT_BYTES;
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
      lookup: lookupThrough(options.dns, signal),
      signal,
      agent: false,
      // A shared context: building one with every root certificate costs ~100 ms of CPU.
      ...(secure
        ? { secureContext: secureContext({ ca: options.ca }), servername: url.hostname }
        : {}),
    });
    request.on('error', (error) => {
      const code = errorCode(error);
      if (signal.aborted) resolve({ ok: false, error: 'timeout', detail: code });
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

/** Fetches one document; failures are values (`timeout`, `network`, `too-large`, ...). */
export async function fetchDocument(
  start: string,
  options: FetchOptions,
): Promise<Outcome<FetchedDocument>> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const chain: string[] = [];
  let trusted = true;
  let url: URL;
  try {
    url = new URL(start);
  } catch {
    return { ok: false, error: 'network', detail: 'bad url' };
  }
  const limit = options.maxRedirects ?? MAX_REDIRECTS;
  let method = options.method ?? 'GET';
  for (let hop = 0; hop <= limit; hop++) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return { ok: false, error: 'network', detail: `scheme ${url.protocol}` };
    }
    chain.push(url.href);
    trusted &&= url.protocol === 'https:' && sameDomain(url, options.trustDomain);
    const body = method === 'GET' ? undefined : options.body;
    const answer = await requestOnce(url, { ...options, method, body }, signal);
    if (!answer.ok) return answer;
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
        },
      };
    }
    try {
      url = new URL(value.location, url);
    } catch {
      return { ok: false, error: 'network', detail: 'bad redirect location' };
    }
    if (value.status === 303) method = 'GET';
  }
  return { ok: false, error: 'too-many-redirects', detail: chain.join(' -> ').slice(0, 500) };
}

/** Whether a Content-Type header announces XML. */
export function isXmlContentType(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim() ?? '';
  return (
    type === 'application/xml' || type === 'text/xml' || /^application\/[\w.+-]+\+xml$/.test(type)
  );
}
