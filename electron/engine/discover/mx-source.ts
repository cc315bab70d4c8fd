/**
 * MX-based discovery: a domain hosted elsewhere (yourname.example served by mx.hoster.example)
 * probably uses the hoster's servers. The first MX host's registrable domain (public-suffix aware)
 * is looked up in built-in knowledge, then the hoster's autoconfig and the ISPDB. Everything found
 * this way points at another domain, so it is untrusted until the person confirms it.
 */
import { getDomain } from 'tldts';
import { findProviderByMx, providerCandidates } from '../../../shared/providers/index.ts';
import type { Candidate } from '../../../shared/model.ts';
import { fetchAutoconfig } from './fetch-source.ts';
import { ispdbUrlFor } from './ispdb.ts';
import { cleanHostname } from './sanitize.ts';
import type { SourceAnswer, SourceContext } from './types.ts';

/** The domains to ask for an MX host: the host minus its first label, then the registrable one. */
export function mxDomains(mxHost: string): string[] {
  const base = getDomain(mxHost);
  if (!base) return [];
  const parent = mxHost.split('.').slice(1).join('.');
  return parent !== base && parent.endsWith(`.${base}`) ? [parent, base] : [base];
}

export async function mxSource(context: SourceContext, signal: AbortSignal): Promise<SourceAnswer> {
  const { address } = context;
  const answer = await context.dns.mx(address.domain, signal);
  if (!answer.ok)
    return { outcome: 'error', error: answer.error, detail: answer.detail, trusted: false };
  const mxHost = answer.value.map((record) => cleanHostname(record.exchange)).find((host) => host);
  if (!mxHost) return { outcome: 'none', trusted: true };
  const base = getDomain(mxHost);
  if (!base || base === (getDomain(address.domain) ?? address.domain)) {
    // Same domain: the other sources already asked everything MX could lead to.
    return { outcome: 'none', trusted: true, detail: 'same-domain' };
  }
  const origin = `${address.domain} MX ${mxHost}`;
  const asMx = (candidate: Candidate): Candidate => ({
    ...candidate,
    source: 'mx',
    origin,
    trusted: false,
  });
  const provider = findProviderByMx(mxHost);
  if (provider) {
    const found = providerCandidates(provider, address);
    return {
      outcome: 'found',
      found: {
        incoming: found.incoming.map(asMx),
        outgoing: found.outgoing.map(asMx),
        provider: provider.id,
        ...(provider.noImap ? { noImap: true } : {}),
      },
      trusted: false,
      url: origin,
    };
  }
  for (const domain of mxDomains(mxHost)) {
    for (const url of [
      `https://autoconfig.${domain}/mail/config-v1.1.xml`,
      ispdbUrlFor(context.ispdbUrl, domain),
    ]) {
      const result = await fetchAutoconfig(
        context,
        // The URL comes from a DNS answer: bound by the DNS server's network level.
        {
          url,
          source: 'mx',
          trustDomain: null,
          untrusted: true,
          from: context.dnsNetwork ?? 'public',
        },
        signal,
      );
      if (signal.aborted)
        return { outcome: 'error', error: 'timeout', trusted: false, url: origin };
      if (result.outcome === 'found')
        return { ...result, trusted: false, url: `${origin} -> ${result.url ?? url}` };
    }
  }
  return { outcome: 'none', trusted: true, url: origin };
}
