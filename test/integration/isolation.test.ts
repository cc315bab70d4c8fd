/**
 * The lab never collides with the machine `npm test` runs on: scripts/check-isolation.ts starts
 * dummy servers on every lab port, on 127.0.0.1:5353 and on 127.0.0.2-9 ports
 * 25/110/143/465/587/993/995, then runs the lab's own test through `npm test`. It passes only when
 * every lab test passed and no dummy was contacted. The check runs in a fresh namespace of its own
 * (this run's lab holds the lab ports here), which plays the host for the `npm test` it starts.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

describe('the lab in its own network namespace', () => {
  it('answers every lab test while other servers hold the same addresses and ports outside', () => {
    const check = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/check-isolation.ts',
        '--own-namespace',
        'test/integration/lab.test.ts',
      ],
      { cwd: REPO, encoding: 'utf8', timeout: 110_000 },
    );
    const output = `${check.stdout}${check.stderr}`;
    expect(check.status, output).toBe(0);
    expect(output).toMatch(/check-isolation: \d+ lab tests passed with \d+ dummy servers/);
    expect(output).toContain('none was contacted');
  }, 120_000);
});
