/**
 * Outlook Autodiscover (POX) without credentials: POST the request to the standard URLs (and the
 * `_autodiscover._tcp` SRV target), follow `redirectUrl` / `redirectAddr` answers a few times at
 * most. Anything that leaves the address's domain is untrusted.
 */
import { getDomain } from 'tldts';
import { parseAddress, type ParsedAddress } from '../../../shared/address.ts';
import { autodiscoverRequest, parseAutodiscover } from './autodiscover-parser.ts';
import { fetchSourceDocument, parseProblem } from './fetch-source.ts';
import { cleanHostname } from './sanitize.ts';
import { orderSrvRecords } from './srv.ts';
import type { NetworkLevel } from '../../../shared/model.ts';
import type { SourceAnswer, SourceContext } from './types.ts';

/** Redirects (address or URL) followed at most. */
export const MAX_AUTODISCOVER_REDIRECTS = 2;
const PATH = '/autodiscover/autodiscover.xml';

export function autodiscoverUrls(domain: string): string[] {
  return [`https://autodiscover.${domain}${PATH}`, `https://${domain}${PATH}`];
}

const sameSite = (a: string, b: string): boolean => (getDomain(a) ?? a) === (getDomain(b) ?? b);

/** Asks one Autodiscover URL, following redirects within limits. */
export async function autodiscoverAt(
  context: SourceContext,
  start: string,
  signal: AbortSignal,
  startTrusted = true,
  startFrom?: NetworkLevel,
): Promise<SourceAnswer> {
  let address: ParsedAddress = context.address;
  let url = start;
  let trusted = startTrusted;
  // Who named the next URL: the typed address at first, then the server that redirected.
  let from = startFrom;
  for (let round = 0; round <= MAX_AUTODISCOVER_REDIRECTS; round++) {
    const fetched = await fetchSourceDocument(context, url, signal, {
      method: 'POST',
      body: autodiscoverRequest(address.address),
      headers: { 'content-type': 'text/xml; charset=utf-8' },
      trustDomain: context.address.domain,
      ...(from ? { from } : {}),
    });
    if (!fetched.ok) return fetched.answer;
    const document = fetched.document;
    trusted &&= document.trusted;
    from = document.network;
    const parsed = parseAutodiscover(document.body, address, {
      source: 'autodiscover',
      origin: document.url,
      trusted,
      network: document.network,
    });
    if (!parsed.ok) return { ...parseProblem(parsed, trusted, document.url), ...fetched.hops };
    const value = parsed.value;
    if (value.kind === 'settings')
      return { outcome: 'found', found: value.found, trusted, url: document.url, ...fetched.hops };
    if (value.kind === 'redirect-url') {
      url = value.url;
      continue;
    }
    const next = parseAddress(value.address);
    if (!next.ok)
      return {
        outcome: 'error',
        error: 'no-usable-settings',
        detail: 'bad RedirectAddr',
        trusted,
        url,
      };
    address = next.value;
    trusted &&= sameSite(address.domain, context.address.domain);
    url = `https://autodiscover.${address.domain}${PATH}`;
  }
  return { outcome: 'error', error: 'too-many-redirects', trusted: false, url };
}

/** `_autodiscover._tcp.<domain>` SRV, then Autodiscover at its target (untrusted if elsewhere). */
export async function autodiscoverViaSrv(
  context: SourceContext,
  signal: AbortSignal,
): Promise<SourceAnswer> {
  const name = `_autodiscover._tcp.${context.address.domain}`;
  const answer = await context.dns.srv(name, signal);
  if (!answer.ok)
    return { outcome: 'error', error: answer.error, detail: answer.detail, trusted: false };
  const record = orderSrvRecords(answer.value)[0];
  const host = record ? cleanHostname(record.name) : null;
  if (!record || !host) return { outcome: 'none', trusted: true };
  const port = record.port === 443 ? '' : `:${record.port}`;
  return autodiscoverAt(
    context,
    `https://${host}${port}${PATH}`,
    signal,
    sameSite(host, context.address.domain),
    context.dnsNetwork ?? 'public',
  );
}
