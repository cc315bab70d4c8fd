/**
 * Matching an address domain or an MX host name against the catalogue. Names are compared as
 * lower-case ASCII without a trailing dot; a suffix only matches on a label boundary, so
 * `evilmailbox.org` is not `mailbox.org`.
 */
import type { Provider } from './types.ts';

/** Lower-case, trimmed, without the trailing root dot. */
export function normaliseHost(name: string): string {
  const trimmed = name.trim().toLowerCase();
  return trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
}

/** True when `host` equals `suffix` or ends with `.${suffix}`. */
export function endsWithLabels(host: string, suffix: string): boolean {
  const h = normaliseHost(host);
  const s = normaliseHost(suffix);
  if (s === '' || h === '') return false;
  return h === s || h.endsWith(`.${s}`);
}

/** The provider whose address domains include `domain` (exact, or under a domain suffix). */
export function matchDomain(providers: readonly Provider[], domain: string): Provider | undefined {
  const name = normaliseHost(domain);
  if (name === '') return undefined;
  return (
    providers.find((p) => p.domains.includes(name)) ??
    providers.find((p) => (p.domainSuffixes ?? []).some((s) => name.endsWith(`.${s}`)))
  );
}

/**
 * Every provider whose MX pattern matches `mxHost`, most specific pattern first; on equal length
 * the catalogue order decides, and entries hosted by another provider come after it.
 */
export function matchMx(providers: readonly Provider[], mxHost: string): Provider[] {
  const host = normaliseHost(mxHost);
  if (host === '') return [];
  const hits: Array<{ provider: Provider; length: number; index: number }> = [];
  providers.forEach((provider, index) => {
    const best = provider.mxPatterns
      .filter((pattern) => endsWithLabels(host, pattern))
      .reduce((max, pattern) => Math.max(max, pattern.length), -1);
    if (best >= 0) hits.push({ provider, length: best, index });
  });
  hits.sort(
    (a, b) =>
      b.length - a.length ||
      Number(a.provider.hostedBy !== undefined) - Number(b.provider.hostedBy !== undefined) ||
      a.index - b.index,
  );
  return hits.map((hit) => hit.provider);
}
