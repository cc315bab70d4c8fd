/**
 * `npm run fuzz`: every property of test/fuzz/properties.ts with its share of the cases (default
 * 120,000 in total; FUZZ_CASES and FUZZ_SEED override). Prints one line per property and ends
 * with `fuzz: N cases, F failures`; the exit code is 1 when anything failed.
 */
import { runProperties } from './properties.ts';

const total = Number(process.env.FUZZ_CASES ?? 120_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);

console.log(`fuzz: seed ${seed}, ${total} cases planned`);
const { cases, failures } = await runProperties(total, seed, (line) => console.log(line));
for (const failure of failures) console.error(`\n${failure}`);
console.log(`fuzz: ${cases} cases, ${failures.length} failures`);
process.exitCode = failures.length > 0 ? 1 : 0;
