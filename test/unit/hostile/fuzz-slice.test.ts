/**
 * The CI slice of the fuzz properties (test/fuzz/properties.ts): every property with a fixed seed
 * and a few hundred cases, so a regression shows up in the unit suite; `npm run fuzz` runs the
 * same properties with >100,000 cases and a fresh seed.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { PROPERTIES } from '../../fuzz/properties.ts';

const SEED = 20261121;
const SLICE = 2000;

describe('fuzz slice (fixed seed)', () => {
  const weights = PROPERTIES.reduce((sum, p) => sum + p.weight, 0);
  for (const { name, weight, property } of PROPERTIES) {
    it(name, async () => {
      await fc.assert(property, {
        seed: SEED,
        numRuns: Math.max(20, Math.round((SLICE * weight) / weights)),
      });
    });
  }
});
