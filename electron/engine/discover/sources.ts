/**
 * The priority list of discovery sources for one address. Index 0 is the highest priority; the
 * runner starts them all at once and lets priority, not arrival order, decide.
 */
import { findProviderByDomain, providerCandidates } from '../../../shared/providers/index.ts';
import type { Candidate, NetworkLevel, SourceName } from '../../../shared/model.ts';
import { autodiscoverAt, autodiscoverUrls, autodiscoverViaSrv } from './autodiscover-source.ts';
import { fetchAutoconfig } from './fetch-source.ts';
import { ispdbUrlFor } from './ispdb.ts';
import { mxSource } from './mx-source.ts';
import { srvCandidates } from './srv.ts';
import type { SourceAnswer, SourceContext, SourceTask } from './types.ts';

/** Built-in provider knowledge: instant, trusted, no network. */

/** The provider's own autoconfig URLs, in priority order (https before http). */
function autoconfigUrls(
  domain: string,
  emailAddress: string,
): Array<{ url: string; secure: boolean }> {
  // The address goes only over https: over http it would leak to anyone on the path.
  const query = `?emailaddress=${encodeURIComponent(emailAddress)}`;
  return [
    { url: `https://autoconfig.${domain}/mail/config-v1.1.xml${query}`, secure: true },
    { url: `https://${domain}/.well-known/autoconfig/mail/config-v1.1.xml${query}`, secure: true },
    { url: `http://autoconfig.${domain}/mail/config-v1.1.xml`, secure: false },
    { url: `http://${domain}/.well-known/autoconfig/mail/config-v1.1.xml`, secure: false },
  ];
}

export function providerTask(context: SourceContext): SourceTask {
  const provider = findProviderByDomain(context.address.domain);
  return {
    source: 'provider',
    url: provider ? `provider:${provider.id}` : 'provider:',
    run: async (): Promise<SourceAnswer> => {
      if (!provider) return { outcome: 'none', trusted: true };
      const found = providerCandidates(provider, context.address);
      return {
        outcome: 'found',
        found: { ...found, provider: provider.id, ...(provider.noImap ? { noImap: true } : {}) },
        trusted: true,
      };
    },
  };
}

/** Marks every candidate of an answer as named by a source on that network level. */
export function fromNetwork(answer: SourceAnswer, network: NetworkLevel): SourceAnswer {
  if (answer.outcome !== 'found') return answer;
  const mark = (candidate: Candidate): Candidate => ({ ...candidate, network });
  const found = {
    ...answer.found,
    incoming: answer.found.incoming.map(mark),
    outgoing: answer.found.outgoing.map(mark),
  };
  return { ...answer, found };
}

/** Every network source, in priority order. */
export function networkTasks(context: SourceContext): SourceTask[] {
  const { domain } = context.address;
  const autoconfig = autoconfigUrls(domain, context.address.address).map(
    ({ url, secure }): SourceTask => {
      const source: SourceName = secure ? 'autoconfig' : 'autoconfig-http';
      return {
        source,
        url,
        run: (signal) => fetchAutoconfig(context, { url, source, trustDomain: domain }, signal),
      };
    },
  );
  const ispdb = ispdbUrlFor(context.ispdbUrl, domain);
  return [
    ...autoconfig,
    {
      source: 'ispdb',
      url: ispdb,
      run: (signal) =>
        fetchAutoconfig(context, { url: ispdb, source: 'ispdb', trustDomain: null }, signal),
    },
    {
      source: 'srv',
      url: `_imaps._tcp.${domain} ...`,
      // SRV targets come from a DNS answer: bound by the DNS server's network level.
      run: async (signal) =>
        fromNetwork(
          await srvCandidates(context.address, context.dns, signal),
          context.dnsNetwork ?? 'public',
        ),
    },
    { source: 'mx', url: `${domain} MX`, run: (signal) => mxSource(context, signal) },
    ...autodiscoverUrls(domain).map((url): SourceTask => ({
      source: 'autodiscover',
      url,
      run: (signal) => autodiscoverAt(context, url, signal),
    })),
    {
      source: 'autodiscover',
      url: `_autodiscover._tcp.${domain}`,
      run: (signal) => autodiscoverViaSrv(context, signal),
    },
  ];
}
