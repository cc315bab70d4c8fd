/** The Thunderbird ISPDB: where to ask for a domain. */

export const DEFAULT_ISPDB_URL = 'https://autoconfig.thunderbird.net/v1.1/';

/** `{{domain}}` in the base is replaced; otherwise the domain is appended after a slash. */
export function ispdbUrlFor(base: string, domain: string): string {
  if (base.includes('{{domain}}')) return base.replaceAll('{{domain}}', domain);
  return `${base.endsWith('/') ? base : `${base}/`}${domain}`;
}

/** The provider's own autoconfig URLs, in priority order (https before http). */
export function autoconfigUrls(
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
