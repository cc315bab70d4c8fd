/**
 * MX-based discovery: a domain hosted elsewhere (yourname.example served by mx.hoster.example)
 * uses the hoster's servers. Trust follows who can receive the password:
 * - the first MX host belongs to a built-in provider: that provider's own hosts from built-in
 *   knowledge, trusted (nothing an attacker could change; the certificate is still validated);
 * - an unknown hoster: its autoconfig and the ISPDB (here), then guessing under its registrable
 *   domain and the MX host itself (guess.ts). Such settings are untrusted and carry the hoster
 *   (`Candidate.hoster`), so one consent naming the hoster covers all of them.
 * The answer says who handles the domain's mail (`hostedBy`).
 */
import { getDomain } from 'tldts';
import type { Candidate, HostedBy } from '../../../shared/model.ts';
import { findProviderByMx, providerCandidates } from '../../../shared/providers/index.ts';
import type { Provider } from '../../../shared/providers/types.ts';
import { fetchAutoconfig } from './fetch-source.ts';
import { ispdbUrlFor } from './ispdb.ts';
import { cleanHostname } from './sanitize.ts';
import type { Outcome, SourceAnswer, SourceContext } from './types.ts';

/** The domains to ask for an MX host: the host minus its first label, then the registrable one. */
export function mxDomains(mxHost: string): string[] {
  const base = getDomain(mxHost);
  if (!base) return [];
  const parent = mxHost.split('.').slice(1).join('.');
  return parent !== base && parent.endsWith(`.${base}`) ? [parent, base] : [base];
}

/** What the domain's first MX record says about who handles its mail. */
export type MxHoster =
  | { kind: 'none' }
  | { kind: 'same-domain'; mxHost: string }
  | { kind: 'provider'; mxHost: string; provider: Provider; hostedBy: HostedBy }
  | { kind: 'unknown'; mxHost: string; hostedBy: HostedBy };

const lookups = new WeakMap<SourceContext, Promise<Outcome<MxHoster>>>();

async function lookUp(context: SourceContext): Promise<Outcome<MxHoster>> {
  const { address } = context;
  // Not tied to one source's signal: the MX source and guessing share the answer.
  const answer = await context.dns.mx(address.domain, new AbortController().signal);
  if (!answer.ok) return answer;
  const mxHost = answer.value.map((record) => cleanHostname(record.exchange)).find((host) => host);
  if (!mxHost) return { ok: true, value: { kind: 'none' } };
  const base = getDomain(mxHost);
  if (!base || base === (getDomain(address.domain) ?? address.domain)) {
    return { ok: true, value: { kind: 'same-domain', mxHost } };
  }
  const via = `${address.domain} MX ${mxHost}`;
  const provider = findProviderByMx(mxHost);
  if (provider) {
    const hostedBy: HostedBy = { provider: provider.id, domain: base, via, trusted: true };
    return { ok: true, value: { kind: 'provider', mxHost, provider, hostedBy } };
  }
  return {
    ok: true,
    value: { kind: 'unknown', mxHost, hostedBy: { domain: base, via, trusted: false } },
  };
}

/** The domain's MX hoster, looked up once per discovery (the MX source and guessing share it). */
export function mxHoster(context: SourceContext): Promise<Outcome<MxHoster>> {
  let lookup = lookups.get(context);
  if (!lookup) {
    lookup = lookUp(context);
    lookups.set(context, lookup);
  }
  return lookup;
}

/** A candidate found through the MX record: provenance, trust and the hoster it came from. */
export function viaMx(candidate: Candidate, hostedBy: HostedBy, origin: string): Candidate {
  const { hoster: _hoster, ...rest } = candidate;
  return {
    ...rest,
    source: 'mx',
    origin,
    trusted: hostedBy.trusted,
    ...(hostedBy.trusted ? {} : { hoster: hostedBy.domain }),
  };
}

export async function mxSource(context: SourceContext, signal: AbortSignal): Promise<SourceAnswer> {
  const looked = await mxHoster(context);
  if (signal.aborted) return { outcome: 'error', error: 'timeout', trusted: false };
  if (!looked.ok)
    return { outcome: 'error', error: looked.error, detail: looked.detail, trusted: false };
  const mx = looked.value;
  if (mx.kind === 'none') return { outcome: 'none', trusted: true };
  // Same domain: the other sources already asked everything MX could lead to.
  if (mx.kind === 'same-domain') return { outcome: 'none', trusted: true, detail: 'same-domain' };
  const { hostedBy } = mx;
  if (mx.kind === 'provider') {
    const { provider } = mx;
    const found = providerCandidates(provider, context.address);
    const mark = (candidate: Candidate) => viaMx(candidate, hostedBy, hostedBy.via);
    return {
      outcome: 'found',
      found: {
        incoming: found.incoming.map(mark),
        outgoing: found.outgoing.map(mark),
        provider: provider.id,
        hostedBy,
        ...(provider.noImap ? { noImap: true } : {}),
      },
      trusted: true,
      url: hostedBy.via,
    };
  }
  for (const domain of mxDomains(mx.mxHost)) {
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
        return { outcome: 'error', error: 'timeout', trusted: false, url: hostedBy.via };
      if (result.outcome === 'found') {
        const origin = `${hostedBy.via} -> ${result.url ?? url}`;
        const mark = (candidate: Candidate) => viaMx(candidate, hostedBy, origin);
        return {
          ...result,
          found: {
            ...result.found,
            incoming: result.found.incoming.map(mark),
            outgoing: result.found.outgoing.map(mark),
            hostedBy,
          },
          trusted: false,
          url: origin,
        };
      }
    }
  }
  return { outcome: 'none', trusted: true, url: hostedBy.via, hostedBy };
}
