/**
 * Security review against the lab: `check --password-stdin` logs in on servers that discovery
 * found only through an untrusted source (an MX at an unknown hoster, autoconfig over plain http)
 * only with `--accept-source DOMAIN` naming the hoster's domain; without it the password is not sent (`untrusted-refused`, no
 * attempt) and nothing of it appears in the output.
 */
import { getDomain } from 'tldts';
import { describe, expect, inject, it } from 'vitest';
import { main } from '../../electron/cli/main.ts';
import { captureIo, labCliArgs } from '../helpers/cli-io.ts';
import { LAB_DOMAINS, LAB_USERS } from '../lab/topology.ts';

const lab = inject('lab');
const { bob } = LAB_USERS;

async function check(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo({ stdin: `${bob.password}\n` });
  const code = await main(['check', ...args, '--json', ...labCliArgs(lab)], io);
  return { code, stdout: io.out(), stderr: io.err() };
}

describe('check --password-stdin on settings from an untrusted source', () => {
  // An MX at an unknown hoster is untrusted (at a known provider it is not: check.test.ts).
  for (const domain of [LAB_DOMAINS.unknownHoster, LAB_DOMAINS.httpOnly]) {
    it(`${domain}: refused without consent, attempted with --accept-source`, async () => {
      const address = `bob@${domain}`;
      const refused = await check([address, '--password-stdin']);
      expect(refused.code).toBe(1);
      const verification = JSON.parse(refused.stdout).verification;
      expect(verification.incoming).toMatchObject({
        ok: false,
        reason: 'untrusted-refused',
        attempts: 0,
      });
      expect(verification.outgoing).toMatchObject({ reason: 'untrusted-refused', attempts: 0 });
      expect(refused.stdout + refused.stderr).not.toContain(bob.password);

      const hoster = getDomain(JSON.parse(refused.stdout).recommended.incoming.host as string);
      const consented = await check([address, '--password-stdin', '--accept-source', hoster!]);
      const after = JSON.parse(consented.stdout).verification;
      expect(after.incoming.ok === true || after.incoming.attempts > 0).toBe(true);
      expect(consented.stdout + consented.stderr).not.toContain(bob.password);
    });
  }
});
