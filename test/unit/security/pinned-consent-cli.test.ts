/**
 * `mailsetup check --allow-insecure` pins the certificate the check's probe saw on each recommended
 * TLS server; plaintext and unprobed servers (`--offline`) get the bare host.
 */
import { describe, expect, it } from 'vitest';
import { consentEntry } from '../../../electron/cli/verify-step.ts';
import type { Endpoint } from '../../../shared/model.ts';
import { probe } from '../renderer/fake-api.ts';

const SHA = Array.from({ length: 32 }, () => 'AB').join(':');

describe('--allow-insecure consent entries', () => {
  const probes = [probe('mail.example.test', [[993, 'imap', 'tls', false]])];
  probes[0]!.ports[0]!.tls!.certificate = {
    subject: 'CN=mail.example.test',
    issuer: 'CN=mail.example.test',
    validFrom: '2020-01-01T00:00:00Z',
    validTo: '2021-01-01T00:00:00Z',
    altNames: [],
    sha256: SHA,
    selfSigned: true,
  };
  const at = (port: number, security: Endpoint['security'], host = 'mail.example.test') =>
    ({ protocol: 'imap', host, port, security, username: 'anna' }) as Endpoint;

  it('pins the probed certificate of that host and port', () => {
    expect(consentEntry(at(993, 'tls'), probes)).toBe(`mail.example.test#${SHA}`);
    expect(consentEntry(at(993, 'tls', 'MAIL.example.test'), probes)).toBe(
      `MAIL.example.test#${SHA}`,
    );
  });

  it('gives the bare host for plaintext, another port and no probe', () => {
    expect(consentEntry(at(143, 'plain'), probes)).toBe('mail.example.test');
    expect(consentEntry(at(995, 'tls'), probes)).toBe('mail.example.test');
    expect(consentEntry(at(993, 'tls'))).toBe('mail.example.test');
  });
});
