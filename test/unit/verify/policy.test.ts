import { describe, expect, it } from 'vitest';
import {
  hasSourceConsent,
  pinnedConsent,
  planTransport,
} from '../../../electron/engine/verify/policy.ts';
import type { Endpoint } from '../../../shared/model.ts';

const endpoint = (security: Endpoint['security'], host = 'mail.example.test'): Endpoint => ({
  protocol: 'imap',
  host,
  port: 143,
  security,
  username: 'u',
});

const PIN = `${'AB:'.repeat(31)}AB`;

describe('security policy', () => {
  it('refuses plaintext without consent and allows it with consent for that host only', () => {
    expect(planTransport(endpoint('plain'), undefined)).toEqual({
      allowed: false,
      reason: 'insecure-refused',
    });
    expect(planTransport(endpoint('plain'), ['other.test'])).toEqual({
      allowed: false,
      reason: 'insecure-refused',
    });
    expect(planTransport(endpoint('plain'), ['MAIL.Example.test.'])).toMatchObject({
      allowed: true,
      plaintext: true,
    });
  });

  it('never lets a certificate or source consent allow plaintext', () => {
    for (const entry of [pinnedConsent('mail.example.test', PIN), 'source:example.test']) {
      expect(planTransport(endpoint('plain'), [entry])).toEqual({
        allowed: false,
        reason: 'insecure-refused',
      });
    }
  });

  it('checks certificates unless one is pinned, and always requires STARTTLS', () => {
    expect(planTransport(endpoint('tls'), undefined)).toEqual({
      allowed: true,
      rejectUnauthorized: true,
      requireStarttls: false,
      plaintext: false,
      consented: false,
    });
    expect(planTransport(endpoint('starttls'), [])).toMatchObject({
      rejectUnauthorized: true,
      requireStarttls: true,
    });
    // A plaintext consent relaxes nothing on TLS: there is no "any certificate" consent.
    expect(planTransport(endpoint('starttls'), ['mail.example.test'])).toMatchObject({
      rejectUnauthorized: true,
      requireStarttls: true,
    });
    // A pin relaxes the certificate to that one, never the STARTTLS requirement (no downgrade).
    expect(
      planTransport(endpoint('starttls'), [pinnedConsent('mail.example.test', PIN)]),
    ).toMatchObject({
      rejectUnauthorized: false,
      pinnedCertificates: ['AB'.repeat(32)],
      requireStarttls: true,
    });
  });

  it('matches source consent by domain and the names below it, not by suffix text', () => {
    expect(hasSourceConsent(['source:example.test'], 'mail.example.test')).toBe(true);
    expect(hasSourceConsent(['source:example.test'], 'evilexample.test')).toBe(false);
    expect(hasSourceConsent(['mail.example.test'], 'mail.example.test')).toBe(false);
  });
});
