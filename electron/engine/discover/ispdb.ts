/** The Thunderbird ISPDB: where to ask for a domain. */

export const DEFAULT_ISPDB_URL = 'https://autoconfig.thunderbird.net/v1.1/';

/** `{{domain}}` in the base is replaced; otherwise the domain is appended after a slash. */
export function ispdbUrlFor(base: string, domain: string): string {
  if (base.includes('{{domain}}')) return base.replaceAll('{{domain}}', domain);
  return `${base.endsWith('/') ? base : `${base}/`}${domain}`;
}
