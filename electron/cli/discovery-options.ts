/**
 * The options `mailsetup discover` and `mailsetup check` share, parsed and validated in one place:
 * the address (a bad one is a one-line usage error from the `address` catalogue), --dns, --ca,
 * --ispdb, --offline, --timeout and --json.
 */
import { parseAddress, type ParsedAddress } from '../../shared/address.ts';
import type { DiscoverOptions } from '../engine/discover/index.ts';
import { createResolver } from '../engine/net/resolver.ts';
import { parseDnsArg, parseTimeoutArg, readCaFiles } from './args.ts';
import { UsageError } from './io.ts';
import type { Translate } from './translate.ts';

export const DISCOVERY_OPTIONS = {
  dns: { type: 'string' },
  ca: { type: 'string', multiple: true },
  ispdb: { type: 'string' },
  offline: { type: 'boolean' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export interface DiscoveryArgs {
  dns?: string;
  ca?: string[];
  ispdb?: string;
  offline?: boolean;
  timeout?: string;
  json?: boolean;
}

export function parseAddressArg(text: string | undefined, t: Translate): ParsedAddress {
  if (text === undefined) throw new UsageError(t('discovery:cli.missingAddress'));
  const parsed = parseAddress(text);
  if (!parsed.ok) throw new UsageError(t(`address:${parsed.error}`));
  return parsed.value;
}

function parseIspdbArg(text: string | undefined, t: Translate): string | undefined {
  if (text === undefined) return undefined;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new UsageError(t('discovery:cli.invalidIspdb', { value: text }));
  }
  return text;
}

/** Engine options from the parsed command line. */
export async function discoveryOptionsFrom(
  values: DiscoveryArgs,
  t: Translate,
): Promise<DiscoverOptions & { timeoutMs?: number }> {
  const timeoutMs = parseTimeoutArg(values.timeout, t);
  const dns = parseDnsArg(values.dns, t);
  const ispdbUrl = parseIspdbArg(values.ispdb, t);
  const ca = await readCaFiles(values.ca ?? [], t);
  const options: DiscoverOptions = {
    resolver: createResolver({ server: dns, timeoutMs }),
    ca,
    offline: values.offline === true,
  };
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
  if (ispdbUrl !== undefined) options.ispdbUrl = ispdbUrl;
  return options;
}
