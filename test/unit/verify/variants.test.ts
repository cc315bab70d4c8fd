import { describe, expect, it } from 'vitest';
import {
  accountVariants,
  limitVariants,
  mayTryNext,
  preferWorking,
} from '../../../electron/engine/verify/variants.ts';
import { parsedAddress } from '../../helpers/fixtures.ts';

describe('username variants', () => {
  it('tries Runbox own domains as local%domain after the full address', () => {
    const variants = accountVariants(
      parsedAddress('jo@own-domain.test'),
      'jo@own-domain.test',
      'runbox',
    );
    expect(variants[0]).toBe('jo@own-domain.test');
    expect(variants).toContain('jo%own-domain.test');
    expect(variants.length).toBeLessThanOrEqual(3);
  });

  it('offers the full address and the local part when the provider is unknown', () => {
    expect(accountVariants(parsedAddress('bob@good.test'), 'bob@good.test', undefined)).toEqual([
      'bob@good.test',
      'bob',
    ]);
  });

  it('keeps at most three, without duplicates or empties, and puts a working name first', () => {
    expect(limitVariants([' a ', 'a', '', 'b', 'c', 'd'])).toEqual(['a', 'b', 'c']);
    expect(preferWorking(['x@y.test', 'x'], 'x')).toEqual(['x', 'x@y.test']);
    expect(preferWorking(['x@y.test', 'x'], undefined)).toEqual(['x@y.test', 'x']);
  });

  it('moves on only after a credentials-type refusal', () => {
    expect(mayTryNext('wrong-credentials')).toBe(true);
    expect(mayTryNext('username-format')).toBe(true);
    for (const reason of [
      'account-locked',
      'too-many-connections',
      'app-password-required',
      'timeout',
    ] as const)
      expect(mayTryNext(reason)).toBe(false);
  });
});
