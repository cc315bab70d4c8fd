/**
 * Security review: what the person consented to decides what the engine may relax. Consent to
 * settings from an untrusted source (http autoconfig, another domain) must not switch off the
 * certificate check at login time: the probe saw a valid certificate, so an attacker presenting
 * another one during the login must still be refused.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../renderer/src/store/index.ts';
import { canEnter } from '../../../renderer/src/store/steps.ts';
import type { Exporter } from '../../../renderer/src/store/export-slice.ts';
import {
  PROBED_SHA256,
  candidate,
  checkReport,
  createFakeApi,
  endpoint,
  flush,
  verifyReport,
} from '../renderer/fake-api.ts';

const exporter: Exporter = () => ({ files: [], notes: [] });

async function verifyWith(report: ReturnType<typeof checkReport>, consentHosts: string[]) {
  const fake = createFakeApi();
  const store = createAppStore({ api: fake.api, exporter, language: 'en' });
  const s = () => store.getState();
  fake.answer('runCheck', { ok: true, value: report });
  s().setAddress('anna@example.test');
  expect(s().submitAddress()).toBe(true);
  await flush();
  s().next();
  expect(s().step).toBe('review');
  for (const host of consentHosts) s().setConsent(host, true);
  s().next();
  expect(s().step).toBe('password');
  s().setPassword('pa55word');
  fake.answer('runVerify', { ok: true, value: verifyReport() });
  expect(s().next()).toBe(true);
  await flush();
  const [request] = fake.callsOf('runVerify');
  return request as { allowInsecure: string[] };
}

describe('consent scope at verify time', () => {
  it('consent to an untrusted source names the source and keeps the certificate check on', async () => {
    const incoming = endpoint('imap', 'imap.elsewhere.test', 993, 'tls');
    const outgoing = endpoint('smtp', 'mail.example.test', 465, 'tls');
    const report = checkReport({
      incoming: [candidate(incoming, false)],
      recommended: { incoming, outgoing, username: 'anna@example.test' },
    });
    const request = await verifyWith(report, ['imap.elsewhere.test']);
    expect(request.allowInsecure).toEqual(['source:imap.elsewhere.test']);
  });

  it('consent to plaintext or to a bad certificate still reaches the engine', async () => {
    const incoming = endpoint('imap', 'mail.plain.test', 143, 'plain');
    const outgoing = endpoint('smtp', 'mail.example.test', 465, 'tls');
    const report = checkReport({
      findings: [{ severity: 'error', code: 'cert-expired', host: 'mail.example.test', port: 465 }],
      recommended: { incoming, outgoing, username: 'anna@example.test' },
    });
    const request = await verifyWith(report, ['mail.plain.test', 'mail.example.test']);
    expect([...request.allowInsecure].sort()).toEqual([
      `mail.example.test#${PROBED_SHA256}`,
      'mail.plain.test',
    ]);
  });
});

describe('consent and later changes by hand', () => {
  it('a consent given for a certificate does not carry over to plaintext on that host', async () => {
    const fake = createFakeApi();
    const store = createAppStore({ api: fake.api, exporter, language: 'en' });
    const s = () => store.getState();
    fake.answer('runCheck', {
      ok: true,
      value: checkReport({
        findings: [
          { severity: 'error', code: 'cert-expired', host: 'mail.example.test', port: 993 },
        ],
      }),
    });
    s().setAddress('anna@example.test');
    expect(s().submitAddress()).toBe(true);
    await flush();
    s().next();
    s().setConsent('mail.example.test', true);
    expect(canEnter('password', s())).toBe(true);
    s().updateEndpoint('incoming', { security: 'plain' });
    expect(s().settings.incoming).toMatchObject({ host: 'mail.example.test', security: 'plain' });
    // The person agreed to an expired certificate, not to sending the password unencrypted.
    expect(canEnter('password', s())).toBe(false);
  });
});

describe('consent after the engine refused a certificate', () => {
  it('a consent to an untrusted source is not a ticked box for the certificate problem', async () => {
    const fake = createFakeApi();
    const store = createAppStore({ api: fake.api, exporter, language: 'en' });
    const s = () => store.getState();
    const incoming = endpoint('imap', 'imap.elsewhere.test', 993, 'tls');
    const outgoing = endpoint('smtp', 'mail.example.test', 465, 'tls');
    fake.answer('runCheck', {
      ok: true,
      value: checkReport({
        incoming: [candidate(incoming, false)],
        recommended: { incoming, outgoing, username: 'anna@example.test' },
      }),
    });
    s().setAddress('anna@example.test');
    expect(s().submitAddress()).toBe(true);
    await flush();
    s().next();
    s().setConsent('imap.elsewhere.test', true);
    s().next();
    s().setPassword('pa55word');
    const refusal = verifyReport({
      incoming: { ok: false, reason: 'cert-invalid', serverText: 'CERT_HAS_EXPIRED', ms: 5 },
    });
    fake.answer('runVerify', { ok: true, value: refusal }, { ok: true, value: refusal });
    expect(s().next()).toBe(true);
    await flush();
    expect(s().verify.incoming.status).toBe('failed');
    // The certificate box must start unticked: retrying as it is keeps the check on.
    expect(s().settings.consents).not.toContain('imap.elsewhere.test');
    await s().startVerify();
    const [, second] = fake.callsOf('runVerify') as Array<{ allowInsecure: string[] }>;
    expect(second?.allowInsecure).toEqual([]);
  });
});
