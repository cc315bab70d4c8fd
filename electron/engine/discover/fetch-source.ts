/**
 * Turns a fetched autoconfig document into a source answer: 404/410 and "no such host" mean the
 * source has nothing (outcome `none`); other failures are named errors; the content type must be
 * XML; the parser decides the rest.
 */
import type { SourceError } from '../../../shared/codes.ts';
import type { NetworkLevel, SourceName } from '../../../shared/model.ts';
import { parseAutoconfig } from './autoconfig-parser.ts';
import {
  fetchDocument,
  isXmlContentType,
  type FetchOptions,
  type FetchOutcome,
  type FetchedDocument,
} from './http-fetch.ts';
import type { SourceAnswer, SourceContext } from './types.ts';

/** Statuses that simply mean "not here". */
const NOT_HERE = new Set([404, 410]);

/** The hops worth showing: a redirect chain, or a request the network rule refused. */
export function shownHops(fetched: FetchOutcome): { hops?: string[] } {
  const refused = !fetched.ok && fetched.error === 'private-network';
  return fetched.hops.length > 1 || refused ? { hops: fetched.hops } : {};
}

/** Maps a failed or non-XML fetch to an answer; null when the document is usable. */
export function fetchProblem(fetched: FetchOutcome, url: string): SourceAnswer | null {
  const problem = fetchProblemOf(fetched, url);
  return problem ? { ...problem, ...shownHops(fetched) } : null;
}

function fetchProblemOf(fetched: FetchOutcome, url: string): SourceAnswer | null {
  if (!fetched.ok) {
    if (fetched.error === 'network' && fetched.detail === 'ENOTFOUND') {
      return { outcome: 'none', trusted: true, url, detail: 'ENOTFOUND' };
    }
    return { outcome: 'error', error: fetched.error, detail: fetched.detail, trusted: false, url };
  }
  const document = fetched.value;
  if (NOT_HERE.has(document.status)) {
    return {
      outcome: 'none',
      trusted: document.trusted,
      url: document.url,
      detail: String(document.status),
    };
  }
  if (document.status < 200 || document.status > 299) {
    return {
      outcome: 'error',
      error: 'http-status',
      detail: String(document.status),
      trusted: document.trusted,
      url: document.url,
    };
  }
  if (!isXmlContentType(document.contentType)) {
    return {
      outcome: 'error',
      error: 'bad-content-type',
      detail: document.contentType.slice(0, 100) || 'none',
      trusted: document.trusted,
      url: document.url,
    };
  }
  return null;
}

/** A source's fetch: the usable document, or the answer that a failed or unusable fetch is. */
export type SourceDocument =
  | { ok: true; document: FetchedDocument; hops: { hops?: string[] } }
  | { ok: false; answer: SourceAnswer };

/** Fetches one document with the context's DNS, CA and timeout and checks it with fetchProblem. */
export async function fetchSourceDocument(
  context: SourceContext,
  url: string,
  signal: AbortSignal,
  request: Pick<FetchOptions, 'trustDomain' | 'method' | 'body' | 'headers' | 'from'>,
): Promise<SourceDocument> {
  const fetched = await fetchDocument(url, {
    ...request,
    dns: context.dns,
    ca: context.ca,
    timeoutMs: context.timeoutMs,
    signal,
  });
  const problem = fetchProblem(fetched, url);
  if (problem || !fetched.ok) {
    return { ok: false, answer: problem ?? { outcome: 'none', trusted: false } };
  }
  return { ok: true, document: fetched.value, hops: shownHops(fetched) };
}

/** A parser's refusal of a fetched document as the source's answer. */
export function parseProblem(
  failure: { error: SourceError; detail?: string },
  trusted: boolean,
  url: string,
): SourceAnswer {
  return { outcome: 'error', error: failure.error, detail: failure.detail, trusted, url };
}

export interface AutoconfigFetch {
  url: string;
  source: SourceName;
  /** Registrable domain every hop must stay in to be trusted; null = any (ISPDB). */
  trustDomain: string | null;
  /** Force untrusted (e.g. settings for another domain found through MX). */
  untrusted?: boolean;
  /** The network level of whoever named the URL (absent: it follows from the typed address). */
  from?: NetworkLevel;
}

/** Fetches and parses one autoconfig document. */
export async function fetchAutoconfig(
  context: SourceContext,
  request: AutoconfigFetch,
  signal: AbortSignal,
): Promise<SourceAnswer> {
  const fetched = await fetchSourceDocument(context, request.url, signal, {
    trustDomain: request.trustDomain,
    ...(request.from ? { from: request.from } : {}),
  });
  if (!fetched.ok) return fetched.answer;
  const document = fetched.document;
  const trusted = document.trusted && !request.untrusted;
  const parsed = parseAutoconfig(document.body, context.address, {
    source: request.source,
    origin: document.url,
    trusted,
    network: document.network,
  });
  if (!parsed.ok) return { ...parseProblem(parsed, trusted, document.url), ...fetched.hops };
  return { outcome: 'found', found: parsed.value, trusted, url: document.url, ...fetched.hops };
}
