/**
 * `check` never recommends an invalid certificate silently, proven against the lab: for
 * `expired.test` and `notyetvalid.test` only guessing finds a server (mail.<domain>), whose
 * certificate is expired or not yet valid. The recommendation is made, and carries an error.
 */
import { describe, expect, inject, it } from 'vitest';
import { main } from '../../electron/cli/main.ts';
import { captureIo, labCliArgs } from '../helpers/cli-io.ts';
import { LAB_HOSTS } from '../lab/topology.ts';

const lab = inject('lab');

interface CheckJson {
  recommended: { incoming: { host: string; port: number; source: string } | null };
  findings: Array<{ severity: string; code: string; port: number | null }>;
}

async function checkJson(address: string): Promise<{ code: number; doc: CheckJson }> {
  const io = captureIo();
  const code = await main(
    [
      'check',
      address,
      ...labCliArgs(lab, 3000),
      '--ispdb',
      'https://ispdb.unreachable.test/v1.1/',
      '--json',
    ],
    io,
  );
  return { code, doc: JSON.parse(io.out()) as CheckJson };
}

describe('check recommends an invalid certificate only with an error finding (lab)', () => {
  it.each([
    ['x@expired.test', LAB_HOSTS.expired.name, 'cert-expired'],
    ['x@notyetvalid.test', LAB_HOSTS.notYetValid.name, 'cert-not-yet-valid'],
  ])('%s: %s recommended with recommended-invalid-cert and %s', async (address, host, cause) => {
    const { code, doc } = await checkJson(address);
    expect(doc.recommended.incoming).toMatchObject({ host, port: 993, source: 'guess' });
    const errors = doc.findings.filter((f) => f.severity === 'error').map((f) => f.code);
    expect(errors).toContain('recommended-invalid-cert');
    expect(errors).toContain(cause);
    const flagged = doc.findings.find((f) => f.code === 'recommended-invalid-cert');
    expect(flagged?.port).toBe(993);
    expect(code).toBe(1);
  });
});
