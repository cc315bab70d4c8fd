import { parseAddress, type ParsedAddress } from '../../../shared/address.ts';

/** Parses a test address, failing loudly when the fixture itself is wrong. */
export function addr(text: string): ParsedAddress {
  const result = parseAddress(text);
  if (!result.ok) throw new Error(`bad test address ${text}: ${result.error}`);
  return result.value;
}
