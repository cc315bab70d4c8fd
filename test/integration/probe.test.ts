/**
 * The probe against the real lab (Dovecot, Postfix, dnsmasq on loopback): every host of the
 * topology gives the port statuses and findings it was built for, through the engine and through
 * `mailsetup probe` in JSON and table mode.
 */
import { describe, expect, inject, it } from 'vitest';
import { main } from '../../electron/cli/main.ts';
import { createResolver } from '../../electron/engine/net/resolver.ts';
import { probe, type ProbeOptions } from '../../electron/engine/probe/index.ts';
import type { Finding, ProbeReport } from '../../shared/model.ts';
import { captureIo, labCliArgs } from '../helpers/cli-io.ts';
import { LAB_HOSTS } from '../lab/topology.ts';

const lab = inject('lab');
const options = (extra: Partial<ProbeOptions> = {}): ProbeOptions => ({
  resolver: createResolver({ server: lab.dns }),
  ca: [lab.caPem],
  timeoutMs: 5000,
  ...extra,
});
const STANDARD = [993, 995, 465, 143, 110, 587, 25];

function findingsOf(report: ProbeReport, code: string): Finding[] {
  return report.findings.filter((f) => f.code === code);
}

describe('probe against the lab', () => {
  it('finds every service of the good host, encrypted and trusted, with no findings', async () => {
    const report = await probe(LAB_HOSTS.good.name, options());
    expect(report.addresses).toEqual([LAB_HOSTS.good.address]);
    expect(report.ports.map((p) => [p.port, p.status, p.security])).toEqual([
      [993, 'ok', 'tls'],
      [995, 'ok', 'tls'],
      [465, 'ok', 'tls'],
      [143, 'ok', 'starttls'],
      [110, 'ok', 'starttls'],
      [587, 'ok', 'starttls'],
      [25, 'ok', 'starttls'],
    ]);
    for (const port of report.ports) {
      expect(port.tls).toMatchObject({ trusted: true, hostnameMatch: true });
      expect(port.tls?.certificate?.altNames).toContain(LAB_HOSTS.good.name);
      expect(port.auth).toContain('PLAIN');
    }
    expect(report.ports.find((p) => p.port === 143)?.protocol).toBe('imap');
    expect(report.ports.find((p) => p.port === 110)?.capabilities).toContain('USER');
    expect(report.findings).toEqual([]);
  });

  it('reports the expired certificate on every port', async () => {
    const report = await probe(LAB_HOSTS.expired.name, options());
    expect(report.ports.every((p) => p.status === 'ok')).toBe(true);
    expect(
      findingsOf(report, 'cert-expired')
        .map((f) => f.port)
        .sort(),
    ).toEqual([...STANDARD].sort());
    expect(findingsOf(report, 'cert-expired')[0]?.severity).toBe('error');
    expect(findingsOf(report, 'cert-untrusted')).toEqual([]);
  });

  it('reports the certificate made out for another name', async () => {
    const report = await probe(LAB_HOSTS.wrongName.name, options());
    const mismatches = findingsOf(report, 'cert-hostname-mismatch');
    expect(mismatches).toHaveLength(STANDARD.length);
    expect(mismatches[0]?.params?.names).toBe('other.test');
    expect(report.ports.every((p) => p.tls?.trusted === true)).toBe(true);
  });

  it('reports the self-signed certificate as untrusted', async () => {
    const report = await probe(LAB_HOSTS.selfSigned.name, options());
    expect(findingsOf(report, 'cert-untrusted')).toHaveLength(STANDARD.length);
    expect(findingsOf(report, 'cert-self-signed')).toHaveLength(STANDARD.length);
    expect(report.ports[0]?.tls?.certificate?.selfSigned).toBe(true);
  });

  it('reports the plaintext-only host: no TLS anywhere, passwords offered in the clear', async () => {
    const report = await probe(LAB_HOSTS.plain.name, options());
    const plainPorts = report.ports.filter((p) => p.status === 'ok');
    expect(plainPorts.map((p) => p.port).sort()).toEqual([110, 143, 25, 587].sort());
    expect(plainPorts.every((p) => p.security === 'plain' && p.starttlsOffered === false)).toBe(
      true,
    );
    expect(
      findingsOf(report, 'plaintext-only')
        .map((f) => f.params?.protocol)
        .sort(),
    ).toEqual(['imap', 'pop3', 'smtp']);
    expect(findingsOf(report, 'auth-before-tls').length).toBeGreaterThanOrEqual(3);
    expect(findingsOf(report, 'port-refused').map((f) => f.port)).toEqual([993, 995, 465]);
    expect(findingsOf(report, 'port-refused')[0]?.severity).toBe('info');
  });

  it('costs about one timeout for the silent host', async () => {
    const timeoutMs = 1000;
    const started = Date.now();
    const report = await probe(LAB_HOSTS.silent.name, options({ timeoutMs }));
    expect(Date.now() - started).toBeLessThan(timeoutMs * 1.5);
    expect(report.ports.map((p) => p.status)).toEqual(STANDARD.map(() => 'timeout'));
    // The tarpit takes the connection and says nothing: not a closed port, a silent server.
    expect(findingsOf(report, 'no-greeting')).toHaveLength(STANDARD.length);
  });

  it('reports every port of the closed host as refused', async () => {
    const report = await probe(LAB_HOSTS.closed.name, options());
    expect(report.ports.map((p) => p.status)).toEqual(STANDARD.map(() => 'refused'));
    expect(findingsOf(report, 'port-refused').every((f) => f.severity === 'error')).toBe(true);
  });

  it('reports a name that does not exist', async () => {
    const report = await probe('nothing-here.good.test', options());
    expect(report.ports).toEqual([]);
    expect(report.findings).toEqual([
      expect.objectContaining({
        code: 'host-unresolved',
        params: expect.objectContaining({ reason: 'ENOTFOUND' }),
      }),
    ]);
  });
});

describe('mailsetup probe against the lab', () => {
  const labArgs = labCliArgs(lab);

  it('prints one JSON document in the promised shape', async () => {
    const io = captureIo();
    const code = await main(['probe', LAB_HOSTS.expired.name, ...labArgs, '--json'], io);
    expect(code).toBe(1);
    const doc = JSON.parse(io.out());
    expect(doc).toMatchObject({
      host: LAB_HOSTS.expired.name,
      addresses: [LAB_HOSTS.expired.address],
    });
    expect(doc.ports).toHaveLength(STANDARD.length);
    const imaps = doc.ports[0];
    expect(imaps).toMatchObject({ port: 993, protocol: 'imap', security: 'tls', status: 'ok' });
    expect(Object.keys(imaps.tls)).toEqual(
      expect.arrayContaining(['version', 'cipher', 'trusted', 'hostnameMatch', 'certificate']),
    );
    expect(Object.keys(imaps.tls.certificate)).toEqual(
      expect.arrayContaining(['subject', 'issuer', 'validFrom', 'validTo', 'altNames', 'sha256']),
    );
    expect(imaps.capabilities.length).toBeGreaterThan(0);
    expect(typeof imaps.ms).toBe('number');
    const expired = doc.findings.find((f: { code: string }) => f.code === 'cert-expired');
    expect(expired).toMatchObject({ severity: 'error', port: 993 });
    expect(expired.message).toMatch(/^The certificate on port 993 expired on \d{4}-\d\d-\d\d\.$/);
  });

  it('prints the table and the findings in plain words, in German when asked', async () => {
    const io = captureIo({ env: { LANG: 'de_DE.UTF-8' } });
    const code = await main(['probe', LAB_HOSTS.plain.name, ...labArgs], io);
    expect(code).toBe(1);
    const text = io.out();
    expect(text).toContain('Prüfe mail.plain.test (127.0.10.5)');
    expect(text).toMatch(/^\s*143\s+IMAP\s+keine\s+ok/m);
    expect(text).toMatch(/^\s*993\s+IMAP\s+abgelehnt/m);
    expect(text).toContain('IMAP funktioniert auf mail.plain.test nur unverschlüsselt');
    // Not a terminal: no colour codes, no cursor movements.
    expect(text).not.toContain('\x1b[');
  });

  it('exits 0 for the good host and 3 when the DNS server does not answer', async () => {
    const good = captureIo();
    expect(await main(['probe', LAB_HOSTS.good.name, ...labArgs], good)).toBe(0);
    const deadDns = captureIo();
    const code = await main(
      ['probe', LAB_HOSTS.good.name, '--dns', '127.0.0.1:1', '--timeout', '2000'],
      deadDns,
    );
    expect(code).toBe(3);
    expect(deadDns.err()).toMatch(/^mailsetup probe: the DNS server did not answer \(E[A-Z]+\)\n$/);
  });
});
