/**
 * `mailsetup check --password-stdin` end to end against the lab: the JSON additions, the exit
 * codes, the consent flag, and that the password appears in no output.
 */
import { describe, expect, inject, it } from 'vitest';
import { main } from '../../electron/cli/main.ts';
import { captureIo, labCliArgs } from '../helpers/cli-io.ts';
import { LAB_HOSTS, LAB_USERS } from '../lab/topology.ts';

const lab = inject('lab');

async function check(
  args: string[],
  password: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo({ stdin: `${password}\n` });
  const code = await main(['check', ...args, ...labCliArgs(lab)], io);
  return { code, stdout: io.out(), stderr: io.err() };
}

const { alice, carol, dave } = LAB_USERS;

describe('mailsetup check --password-stdin', () => {
  it('verifies alice, checks the sender, exits 0 and never prints the password', async () => {
    const run = await check(
      [alice.address, '--password-stdin', '--from', alice.address, '--json'],
      alice.password,
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(json.verification).toMatchObject({
      incoming: { ok: true, username: alice.username },
      outgoing: { ok: true, username: alice.username },
      sender: { ok: true },
    });
    expect(json.guidance).toEqual([]);
    expect(run.stdout + run.stderr).not.toContain(alice.password);
  });

  it('classifies carol as app-password-required with guidance and exits 1', async () => {
    const run = await check([carol.address, '--password-stdin', '--json'], carol.password);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as {
      verification: { incoming: { reason: string; serverText: string } };
      guidance: Array<{ code: string; title: string; steps: string[] }>;
    };
    expect(json.verification.incoming.reason).toBe('app-password-required');
    expect(json.verification.incoming.serverText).toMatch(/Application-specific password required/);
    expect(json.guidance[0]).toMatchObject({ code: 'app-password' });
    expect(json.guidance[0]?.steps.length).toBeGreaterThan(0);
    expect(run.stdout).not.toContain(carol.password);
  });

  it('refuses the plaintext host without --allow-plaintext and passes with it', async () => {
    const refused = await check([dave.address, '--password-stdin', '--json'], dave.password);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).verification.incoming).toMatchObject({
      ok: false,
      reason: 'insecure-refused',
    });
    const allowed = await check(
      [dave.address, '--password-stdin', '--allow-plaintext', LAB_HOSTS.plain.name],
      dave.password,
    );
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain(`Signed in successfully as ${dave.username}`);
    expect(allowed.stdout + allowed.stderr).not.toContain(dave.password);
  });

  it('wants --password-stdin for the login options (usage error, exit 2)', async () => {
    const run = await check(
      [alice.address, '--allow-plaintext', 'mail.plain.test'],
      alice.password,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--password-stdin/);
  });
});
