/**
 * tls-outdated, starttls-missing, starttls-failed and the protocol surprises against real Postfix and
 * Dovecot: the lab's `legacy` host speaks TLS 1.0/1.1 only on 465, offers no STARTTLS on 587
 * although 465 has TLS, offers on 25 a STARTTLS whose handshake cannot complete, answers plaintext
 * IMAP on 993, implicit TLS on 143 and SMTP on the POP3 port 110.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { main } from '../../electron/cli/main.ts';
import { createResolver } from '../../electron/engine/net/resolver.ts';
import { probe } from '../../electron/engine/probe/index.ts';
import type { ProbeReport } from '../../shared/model.ts';
import { captureIo, labCliArgs } from '../helpers/cli-io.ts';
import { LAB_HOSTS } from '../lab/topology.ts';

const lab = inject('lab');
const host = LAB_HOSTS.legacy;
let report: ProbeReport;

const codesOn = (port: number): string[] =>
  report.findings.filter((f) => f.port === port).map((f) => `${f.severity}:${f.code}`);

describe('the legacy host: outdated TLS, missing or failing STARTTLS, surprises (lab)', () => {
  beforeAll(async () => {
    report = await probe(host.name, {
      resolver: createResolver({ server: lab.dns }),
      ca: [lab.caPem],
      timeoutMs: 5000,
    });
    if (report.findings.some((f) => f.code === 'host-unresolved')) {
      throw new Error(
        `${host.name} is unknown to the running lab, which was started before this host existed: ` +
          'restart it (npm run lab:down, then npm run lab:up).',
      );
    }
  });

  it('465 answers over TLS 1.0 or 1.1 with a valid certificate: tls-outdated', () => {
    const smtps = report.ports.find((p) => p.port === 465);
    expect(smtps).toMatchObject({ status: 'ok', protocol: 'smtp', security: 'tls' });
    expect(smtps?.tls?.version).toMatch(/^TLSv1(\.1)?$/);
    expect(smtps?.tls).toMatchObject({ trusted: true, hostnameMatch: true });
    expect(codesOn(465)).toEqual(['warning:tls-outdated']);
  });

  it('587 offers no STARTTLS while the service has TLS on 465: starttls-missing, not plaintext-only', () => {
    const submission = report.ports.find((p) => p.port === 587);
    expect(submission).toMatchObject({ status: 'ok', security: 'plain', starttlsOffered: false });
    expect(codesOn(587)).toContain('warning:starttls-missing');
    expect(report.findings.map((f) => f.code)).not.toContain('plaintext-only');
  });

  it('25 offers STARTTLS but no handshake can complete: starttls-failed', () => {
    const relay = report.ports.find((p) => p.port === 25);
    expect(relay).toMatchObject({ protocol: 'smtp', starttlsOffered: true });
    expect(relay?.security).not.toBe('starttls');
    expect(codesOn(25)).toContain('error:starttls-failed');
  });

  it('recognises the surprises: plaintext IMAP on 993, implicit TLS on 143, SMTP on 110', () => {
    expect(report.ports.find((p) => p.port === 993)?.error).toBe('plaintext-on-tls-port');
    expect(codesOn(993)).toContain('error:plaintext-on-tls-port');
    const imap143 = report.ports.find((p) => p.port === 143);
    expect(imap143).toMatchObject({
      protocol: 'imap',
      security: 'tls',
      error: 'tls-on-plain-port',
    });
    expect(imap143?.tls).toMatchObject({ trusted: true, hostnameMatch: true });
    expect(codesOn(143)).toContain('warning:tls-on-plain-port');
    expect(report.ports.find((p) => p.port === 110)?.error).toBe('wrong-protocol');
    const wrong = report.findings.find((f) => f.code === 'wrong-protocol');
    expect(wrong).toMatchObject({ port: 110, severity: 'error' });
    expect(wrong?.params).toMatchObject({ expected: 'pop3', actual: 'smtp' });
  });

  it('names the wrong protocol in a proper English sentence', async () => {
    const io = captureIo();
    await main(['probe', host.name, ...labCliArgs(lab), '--port', '110'], io);
    expect(io.out()).toContain('Port 110 should speak POP3, but the server there speaks SMTP.');
  });

  it('mailsetup probe --json carries the findings and the TLS version', async () => {
    const io = captureIo();
    const code = await main(['probe', host.name, ...labCliArgs(lab), '--json'], io);
    const doc = JSON.parse(io.out()) as {
      ports: Array<{ port: number; tls: { version: string } | null }>;
      findings: Array<{ code: string; port: number | null; message: string }>;
    };
    expect(code).toBe(1); // starttls-failed on 25 is an error

    expect(doc.ports.find((p) => p.port === 465)?.tls?.version).toMatch(/^TLSv1(\.1)?$/);
    const outdated = doc.findings.find((f) => f.code === 'tls-outdated');
    expect(outdated?.port).toBe(465);
    expect(outdated?.message).toMatch(/TLSv1/);
    expect(doc.findings.find((f) => f.code === 'starttls-missing')?.port).toBe(587);
    expect(doc.findings.find((f) => f.code === 'starttls-failed')?.port).toBe(25);
  });
});
