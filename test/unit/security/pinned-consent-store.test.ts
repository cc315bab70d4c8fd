/**
 * The renderer's consent to a certificate problem names the certificate the person was shown:
 * the verify request carries `host#sha256` from the check's probe of that host and port, so the
 * engine accepts only that certificate. Plaintext consent stays per host.
 */
import { describe, expect, it } from 'vitest';
import type { Exporter } from '../../../renderer/src/store/export-slice.ts';
import { createAppStore } from '../../../renderer/src/store/index.ts';
import { insecureHosts, probedFingerprint } from '../../../renderer/src/store/endpoint-risk.ts';
import { requestSchemas } from '../../../shared/ipc.ts';
import type { ProbeReport } from '../../../shared/model.ts';
import {
  checkReport,
  createFakeApi,
  endpoint,
  flush,
  probe,
  verifyReport,
} from '../renderer/fake-api.ts';

const SEEN = Array.from({ length: 32 }, (_, i) => (i + 0x10).toString(16).toUpperCase()).join(':');
const OTHER = Array.from({ length: 32 }, () => 'EE').join(':');

/** A probe of mail.example.test whose certificates (993 and 465) failed validation. */
function probeWithCertificate(sha256: string): ProbeReport {
  const report = probe('mail.example.test', [
    [993, 'imap', 'tls', false],
    [465, 'smtp', 'tls', false],
  ]);
  for (const port of report.ports) {
    port.tls!.certificate = {
      subject: 'CN=mail.example.test',
      issuer: 'CN=mail.example.test',
      validFrom: '2020-01-01T00:00:00Z',
      validTo: '2021-01-01T00:00:00Z',
      altNames: ['mail.example.test'],
      sha256: port.port === 465 ? OTHER : sha256,
      selfSigned: true,
    };
  }
  return report;
}

const exporter: Exporter = () => ({ files: [], notes: [] });

describe('consent pins the probed certificate', () => {
  it('sends host#sha256 of the certificate the probe saw on each consented endpoint', async () => {
    const fake = createFakeApi();
    const store = createAppStore({ api: fake.api, exporter, language: 'en' });
    const s = () => store.getState();
    fake.answer('runCheck', {
      ok: true,
      value: checkReport({ probes: [probeWithCertificate(SEEN)] }),
    });
    s().setAddress('anna@example.test');
    expect(s().submitAddress()).toBe(true);
    await flush();
    s().next();
    expect(s().step).toBe('review');
    s().setConsent('mail.example.test', true);
    s().next();
    s().setPassword('pa55word');
    fake.answer('runVerify', { ok: true, value: verifyReport() });
    expect(s().next()).toBe(true);
    await flush();
    const [request] = fake.callsOf('runVerify') as Array<{ allowInsecure: string[] }>;
    // Same host, two ports with two certificates: each pinned, nothing bare.
    expect([...request!.allowInsecure].sort()).toEqual(
      [`mail.example.test#${OTHER}`, `mail.example.test#${SEEN}`].sort(),
    );
  });

  it('plaintext consent is the bare host; an endpoint no probe saw gets no certificate consent', () => {
    const plain = endpoint('imap', 'mail.example.test', 143, 'plain');
    const unprobed = endpoint('smtp', 'smtp.typed.test', 465, 'tls');
    const report = checkReport({ probes: [probeWithCertificate(SEEN)] });
    expect(probedFingerprint(plain, report)).toBeNull();
    expect(probedFingerprint(unprobed, report)).toBeNull();
    expect(
      insecureHosts(
        [plain, unprobed],
        report,
        ['mail.example.test', 'smtp.typed.test'],
        new Set(['smtp.typed.test']),
      ),
    ).toEqual(['mail.example.test']);
  });

  it('a login refused for its certificate where the probe saw a valid one pins the probed one', () => {
    // The probe saw a valid certificate; the login met another (a man in the middle?): the
    // consent then names the probed certificate, which the intruder cannot present.
    const report = checkReport({ probes: [probeWithCertificate(SEEN)] });
    report.probes[0]!.ports[0]!.tls = { ...report.probes[0]!.ports[0]!.tls!, trusted: true };
    delete report.probes[0]!.ports[0]!.tls!.error;
    const imap = endpoint('imap', 'mail.example.test', 993, 'tls');
    expect(insecureHosts([imap], report, ['mail.example.test'])).toEqual([]);
    expect(
      insecureHosts([imap], report, ['mail.example.test'], new Set(['mail.example.test'])),
    ).toEqual([`mail.example.test#${SEEN}`]);
  });
});

describe('verify:run carries pinned consents', () => {
  const consents = requestSchemas['verify:run'].shape.allowInsecure;

  it('accepts a host and a host with a SHA-256, nothing else', () => {
    expect(consents.safeParse(['mail.example.test', `mail.example.test#${SEEN}`]).success).toBe(
      true,
    );
    expect(consents.safeParse(['mail.example.test#AB:CD']).success).toBe(false);
    expect(consents.safeParse([`mail.example.test#${SEEN}#x`]).success).toBe(false);
    expect(consents.safeParse(['mail example.test']).success).toBe(false);
  });
});
