/**
 * The security rule of DESIGN.md, in one place: a password goes only over TLS with a validated
 * certificate. Plaintext, or a certificate that fails validation, needs explicit consent for that
 * host (`--allow-insecure` on the CLI, a confirmation in the UI). Without consent a plaintext
 * endpoint is refused before any connection is made, so nothing at all is sent; on TLS endpoints
 * the certificate is checked and a failure ends the session before the login.
 */
import type { Endpoint } from '../../../shared/model.ts';

/** `true` = every host; a list = only these host names (case-insensitive). */
export type InsecureConsent = boolean | readonly string[] | undefined;

function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/** Whether the caller consented to an insecure login on this host. */
export function hasConsent(consent: InsecureConsent, host: string): boolean {
  if (consent === true) return true;
  if (!consent) return false;
  const wanted = normaliseHost(host);
  return consent.some((name) => normaliseHost(name) === wanted);
}

/** How a login may travel to an endpoint, or why it may not. */
export type TransportPlan =
  | {
      allowed: true;
      /** Check the certificate chain and name (false only with consent). */
      rejectUnauthorized: boolean;
      /** STARTTLS must succeed before the login (always on a `starttls` endpoint). */
      requireStarttls: boolean;
      /** The login travels unencrypted (plain endpoint, with consent). */
      plaintext: boolean;
      /** The caller consented to an insecure login on this host. */
      consented: boolean;
    }
  | { allowed: false; reason: 'insecure-refused' };

/** Applies the policy to one endpoint. Pure. */
export function planTransport(endpoint: Endpoint, consent: InsecureConsent): TransportPlan {
  const consented = hasConsent(consent, endpoint.host);
  if (endpoint.security === 'plain') {
    if (!consented) return { allowed: false, reason: 'insecure-refused' };
    return {
      allowed: true,
      rejectUnauthorized: false,
      requireStarttls: false,
      plaintext: true,
      consented,
    };
  }
  return {
    allowed: true,
    rejectUnauthorized: !consented,
    // Consent relaxes the certificate only: a STARTTLS endpoint whose upgrade is missing or
    // refused (a downgrade) never falls back to a plaintext login; that needs a `plain` endpoint.
    requireStarttls: endpoint.security === 'starttls',
    plaintext: false,
    consented,
  };
}
