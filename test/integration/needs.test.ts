/**
 * A machine without some of what the tests need: `npm test` (through MAILSETUP_TEST_WITHOUT,
 * which makes components.ts report them missing) skips the tests that need them, prints one line
 * per missing component with the command that enables it, shows no stack trace, and exits 0.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { needs } from '../helpers/needs.ts';

needs();

const REPO = fileURLToPath(new URL('../..', import.meta.url));

describe('npm test where components are missing', () => {
  it('skips what needs them with one line per component and no stack trace', () => {
    const run = spawnSync(
      process.execPath,
      [
        'scripts/test.mjs',
        '--project',
        'integration',
        'test/integration/lab.test.ts',
        'test/integration/keychain.test.ts',
      ],
      {
        cwd: REPO,
        encoding: 'utf8',
        timeout: 90_000,
        env: { ...process.env, MAILSETUP_TEST_WITHOUT: 'dovecot,keyring', NO_COLOR: '1' },
      },
    );
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output).toBe(0);
    // Other components may really be missing on this machine: look at the two pretended ones.
    const lines = output.split('\n').filter((l) => l.includes('is missing. Enable:'));
    const dovecot = lines.filter((l) => l.includes('Dovecot'));
    const keyring = lines.filter((l) => l.includes('gnome-keyring'));
    expect(dovecot, output).toHaveLength(1);
    expect(dovecot[0]).toMatch(
      /^ ↓ \d+ tests skipped: Dovecot is missing\. Enable: sudo npm test, or sudo apt-get install -y dovecot-imapd dovecot-pop3d$/,
    );
    expect(keyring, output).toHaveLength(1);
    expect(keyring[0]).toMatch(/^ ↓ \d+ tests skipped: gnome-keyring with D-Bus is missing\. /);
    expect(output).not.toMatch(/^\s+at |Error:|FAIL/m);
    expect(output).toMatch(/Tests\s+\d+ skipped \(\d+\)/);
    expect(output).not.toMatch(/passed/);
  }, 100_000);
});
