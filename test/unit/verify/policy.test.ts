import { describe, expect, it } from 'vitest';
import { hasConsent, planTransport } from '../../../electron/engine/verify/policy.ts';
import type { Endpoint } from '../../../shared/model.ts';

const endpoint = (security: Endpoint['security'], host = 'mail.example.test'): Endpoint => ({
  protocol: 'imap',
  host,
  port: 143,
  security,
  username: 'u',
});

describe('security policy', () => {
  it('refuses plaintext without consent and allows it with consent for that host only', () => {
    expect(planTransport(endpoint('plain'), undefined)).toEqual({
      allowed: false,
      reason: 'insecure-refused',
    });
    expect(planTransport(endpoint('plain'), false)).toEqual({
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
    expect(planTransport(endpoint('plain'), true)).toMatchObject({
      allowed: true,
      plaintext: true,
    });
  });

  it('checks certificates unless the host is consented, and always requires STARTTLS', () => {
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
    // Consent relaxes the certificate, never the STARTTLS requirement (no silent downgrade).
    expect(planTransport(endpoint('starttls'), ['mail.example.test'])).toMatchObject({
      rejectUnauthorized: false,
      requireStarttls: true,
    });
  });

  it('matches consent by exact host name, not by suffix', () => {
    expect(hasConsent(['example.test'], 'mail.example.test')).toBe(false);
    expect(hasConsent(['mail.example.test'], 'evilmail.example.test')).toBe(false);
  });
});
