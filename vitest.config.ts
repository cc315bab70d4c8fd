import { defineConfig } from 'vitest/config';

/**
 * Three projects, one `npm test`:
 * - unit: pure logic and fake servers on listen(0); no system services.
 * - integration: real Dovecot, Postfix, dnsmasq and HTTPS on loopback; the lab starts once for all.
 * - e2e: the built renderer in Debian's Chromium, driven by playwright-core, on the real engine.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/lab/global-setup.ts'],
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
          testTimeout: 120_000,
          hookTimeout: 180_000,
          sequence: { concurrent: false },
        },
      },
    ],
  },
});
