/**
 * cert-not-yet-valid against real Dovecot and Postfix: the lab's `notYetValid` host presents a
 * certificate from the lab CA whose validity starts two days ahead, on all seven ports.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { main } from '../../electron/cli/main.ts';
import { createResolver } from '../../electron/engine/net/resolver.ts';
import { probe } from '../../electron/engine/probe/index.ts';
import { captureIo, labCliArgs } from '../helpers/cli-io.ts';
import { LAB_HOSTS } from '../lab/topology.ts';

const lab = inject('lab');
const STANDARD = [993, 995, 465, 143, 110, 587, 25];
const host = LAB_HOSTS.notYetValid;

describe('a certificate that is not valid yet (lab)', () => {
  beforeAll(async () => {
    const addresses = await createResolver({ server: lab.dns })
      .lookup(host.name)
      .catch(() => []);
    if (addresses.length === 0) {
      throw new Error(
        `${host.name} is unknown to the running lab, which was started before this host existed: ` +
          'restart it (npm run lab:down, then npm run lab:up).',
      );
    }
  });

  it('is reported on every port as an error, trusted chain and right name otherwise', async () => {
    const report = await probe(host.name, {
      resolver: createResolver({ server: lab.dns }),
      ca: [lab.caPem],
      timeoutMs: 5000,
    });
    expect(report.addresses).toEqual([host.address]);
    expect(report.ports.map((p) => [p.port, p.status])).toEqual(STANDARD.map((p) => [p, 'ok']));
    const findings = report.findings.filter((f) => f.code === 'cert-not-yet-valid');
    expect(findings.map((f) => f.port).sort()).toEqual([...STANDARD].sort());
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
    expect(report.findings.map((f) => f.code)).not.toContain('cert-expired');
    expect(report.findings.map((f) => f.code)).not.toContain('cert-hostname-mismatch');
    for (const port of report.ports) {
      expect(port.tls?.hostnameMatch).toBe(true);
      expect(new Date(port.tls?.certificate?.validFrom ?? 0).getTime()).toBeGreaterThan(Date.now());
    }
  });

  it('mailsetup probe says so in the table and exits 1', async () => {
    const io = captureIo();
    const code = await main(['probe', host.name, ...labCliArgs(lab)], io);
    expect(code).toBe(1);
    expect(io.out()).toMatch(/^\s*993\s+IMAP\s+SSL\/TLS\s+ok\s+TLSv1\.[23]\s+not yet valid/m);
  });
});
