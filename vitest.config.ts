import { defineConfig } from 'vitest/config';

/**
 * Three projects, one `npm test`:
 * - unit: pure logic and fake servers on listen(0); no system services.
 * - integration: real Dovecot, Postfix, dnsmasq and HTTPS on loopback; the lab starts once for all.
 * - e2e: the built renderer in Debian's Chromium, driven by playwright-core, on the real engine.
 * A test that needs something the machine lacks is skipped (test/helpers/needs.ts), and the run
 * ends with one line per missing component (test/helpers/needs-reporter.ts).
 */
const NEEDS_RUNNER = './test/helpers/needs-runner.ts';
const LAB_RUNNER = './test/lab/lab-runner.ts';

export default defineConfig({
  test: {
    reporters: ['./test/helpers/needs-reporter.ts', 'default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          runner: NEEDS_RUNNER,
          // A guard against hangs, not a speed target (those are benchmarks): property tests and
          // the electron-builder validation need more than Vitest's 5 s on a loaded machine.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/lab/global-setup.ts'],
          runner: LAB_RUNNER,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/lab/global-setup.ts'],
          runner: LAB_RUNNER,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          sequence: { concurrent: false },
        },
      },
    ],
  },
});
