/** Small model values tests build on: a parsed address, a candidate with every field filled, the
 * names of every discovery source. */
import { parseAddress, type ParsedAddress } from '../../shared/address.ts';
import type { Candidate, SourceName } from '../../shared/model.ts';

/** Parses a test address, failing loudly when the fixture itself is wrong. */
export function parsedAddress(text: string): ParsedAddress {
  const result = parseAddress(text);
  if (!result.ok) throw new Error(`bad test address ${text}: ${result.error}`);
  return result.value;
}

/** A trusted autoconfig IMAP candidate on mail.example.com:993 (TLS), changed by `over`. */
export function candidate(over: Partial<Candidate> = {}): Candidate {
  return {
    protocol: 'imap',
    host: 'mail.example.com',
    port: 993,
    security: 'tls',
    username: 'a@example.com',
    auth: [],
    source: 'autoconfig',
    trusted: true,
    ...over,
  };
}

/** Every discovery source name; the type check below fails when the model gains one. */
export const SOURCE_NAMES = [
  'provider',
  'autoconfig',
  'autoconfig-http',
  'ispdb',
  'srv',
  'mx',
  'autodiscover',
  'guess',
  'manual',
] as const satisfies readonly SourceName[];

type MissingSource = Exclude<SourceName, (typeof SOURCE_NAMES)[number]>;
const _allSourcesListed: [MissingSource] extends [never] ? true : false = true;
