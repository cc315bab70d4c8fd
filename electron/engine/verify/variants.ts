/**
 * Which usernames a login may try, and when to stop trying. Lockouts are real: at most three
 * attempts per server, and none after the server spoke of a lock or of too many connections. Only
 * "wrong user name or password" kinds of answers move on to the next form.
 */
import type { VerifyReason } from '../../../shared/codes.ts';
import type { ParsedAddress } from '../../../shared/address.ts';
import {
  MAX_USERNAME_VARIANTS,
  findProviderById,
  usernameVariants,
} from '../../../shared/providers/index.ts';

export const MAX_ATTEMPTS = 3;

/** Reasons after which another username form may help. */
const RETRYABLE: ReadonlySet<VerifyReason> = new Set<VerifyReason>([
  'wrong-credentials',
  'username-format',
]);

export function mayTryNext(reason: VerifyReason): boolean {
  return RETRYABLE.has(reason);
}

/** The given list cleaned up: trimmed, no empties, no duplicates, at most three. */
export function limitVariants(usernames: readonly string[]): string[] {
  const clean = usernames.map((name) => name.trim()).filter((name) => name !== '');
  return [...new Set(clean)].slice(0, Math.min(MAX_ATTEMPTS, MAX_USERNAME_VARIANTS));
}

/**
 * Usernames for an account's endpoint: the configured one first, then the forms the provider's
 * knowledge allows (full address, local part, `local%domain` for Runbox own domains, ...).
 */
export function accountVariants(
  address: ParsedAddress,
  configured: string,
  providerId: string | undefined,
): string[] {
  const provider = providerId ? findProviderById(providerId) : undefined;
  return limitVariants(usernameVariants(provider, address, configured));
}

/** Puts a username that already worked (on the other server of the account) first. */
export function preferWorking(variants: readonly string[], working: string | undefined): string[] {
  if (!working) return [...variants];
  return limitVariants([working, ...variants]);
}
