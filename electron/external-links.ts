/**
 * Which web pages the app may open in the person's browser: https only, and only on hosts that
 * the provider knowledge names as help or app-password pages. Everything else is refused, so a
 * compromised renderer cannot use `shell.openExternal` to launch arbitrary URLs or programs
 * (Electron security checklist item 15). URL shorteners and open redirectors (`aka.ms`,
 * `bit.ly`, Microsoft's `go.microsoft.com/fwlink`, …) are never on the list, even when the
 * provider knowledge names one: their final page is whatever someone else decides later, so the
 * catalogue links to the final page instead.
 */

/**
 * Hosts whose pages only redirect elsewhere, chosen by whoever controls the short name or the
 * query: shorteners and the well-known open redirectors of big sites.
 */
export const REDIRECTOR_HOSTS: ReadonlySet<string> = new Set([
  'aka.ms',
  'go.microsoft.com',
  'fwlink.microsoft.com',
  'bit.ly',
  'bitly.com',
  'goo.gl',
  'g.co',
  't.co',
  't.ly',
  'tinyurl.com',
  'ow.ly',
  'buff.ly',
  'is.gd',
  'v.gd',
  'rb.gy',
  'cutt.ly',
  'shorturl.at',
  'lnkd.in',
  'youtu.be',
  'amzn.to',
  'fb.me',
  'l.facebook.com',
  'href.li',
  'rebrand.ly',
  'tiny.cc',
  's.id',
]);

/** Whether the host only redirects (a shortener or an open redirector). */
export function isRedirectorHost(host: string): boolean {
  return REDIRECTOR_HOSTS.has(host.toLowerCase().replace(/\.$/, ''));
}

/** The links a provider entry carries (a structural subset of `shared/providers` `Provider`). */
export interface ProviderLinks {
  helpUrl?: string | undefined;
  appPasswordUrl?: string | undefined;
  auth?: { webLoginUrl?: string | undefined };
  guides?: ReadonlyArray<{ url?: string | undefined; localUrls?: { de?: string | undefined } }>;
}

/** Every link of the provider knowledge the UI may show. */
export function linksOf(providers: Iterable<ProviderLinks>): string[] {
  const links: Array<string | undefined> = [];
  for (const provider of providers) {
    links.push(provider.helpUrl, provider.appPasswordUrl, provider.auth?.webLoginUrl);
    for (const guide of provider.guides ?? []) links.push(guide.url, guide.localUrls?.de);
  }
  return links.filter((link): link is string => typeof link === 'string');
}

/** The exact host names (lower case) of every https link given. */
export function helpHostsOf(links: Iterable<string | undefined>): Set<string> {
  const hosts = new Set<string>();
  for (const link of links) {
    const url = parseHttps(link);
    if (url && !isRedirectorHost(url.hostname)) hosts.add(url.hostname);
  }
  return hosts;
}

/**
 * The URL normalised for opening, or null when it is not allowed: it must be https, carry no
 * user name or password, use the default port, and its host must be on the allow-list exactly
 * (no suffix matching: `evil-example.com` is not `example.com`).
 */
export function allowedExternalUrl(
  url: string | null | undefined,
  allowedHosts: ReadonlySet<string>,
): string | null {
  const parsed = parseHttps(url);
  if (!parsed || !allowedHosts.has(parsed.hostname) || isRedirectorHost(parsed.hostname)) {
    return null;
  }
  return parsed.href;
}

function parseHttps(url: string | null | undefined): URL | null {
  if (!url || url.length > 2048) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) {
    return null;
  }
  return parsed;
}
