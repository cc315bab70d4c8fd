/**
 * The security rule (docs/ARCHITECTURE.md, "Security rules"), in one place: a password goes only over TLS with a validated
 * certificate. Plaintext, or a certificate that fails validation, needs the person's explicit
 * consent naming what it accepts (shared/consent.ts: `--allow-plaintext HOST` /
 * `--accept-cert HOST#SHA256` on the CLI, a confirmation in the UI). Without consent a plaintext
 * endpoint is refused before any connection is made, so nothing at all is sent; on TLS endpoints
 * the certificate is checked and a failure ends the session before the login.
 *
 * - A plaintext consent allows a `plain` endpoint of that host; it never relaxes a certificate.
 * - A certificate consent (`host#SHA-256`) accepts an invalid certificate on that host only when
 *   the server presents exactly that certificate (pinned). It never allows plaintext.
 * - A source consent (`source:domain`) lets settings from an untrusted source receive the
 *   password on hosts in that domain; the certificate is still checked there.
 * There is no consent to "any certificate": a consent names the certificate it accepts.
 */
import {
  consentForHost,
  normaliseFingerprint,
  parseConsents,
  certificateConsent,
} from '../../../shared/consent.ts';
import type { Endpoint } from '../../../shared/model.ts';

export { normaliseFingerprint } from '../../../shared/consent.ts';

/** Consent entries as shared/consent.ts writes them (unreadable entries consent to nothing). */
export type InsecureConsent = readonly string[] | undefined;

/** The consent entry that pins `sha256` for `host`. */
export const pinnedConsent = certificateConsent;

/** Whether a source consent covers this host (settings from an untrusted source). */
export function hasSourceConsent(consent: InsecureConsent, host: string): boolean {
  return consentForHost(parseConsents(consent), host).source;
}

/** How a login may travel to an endpoint, or why it may not. */
export type TransportPlan =
  | {
      allowed: true;
      /** Check the certificate chain and name (false only with consent). */
      rejectUnauthorized: boolean;
      /**
       * With `rejectUnauthorized: false` on TLS: a certificate that fails validation is accepted
       * only if its SHA-256 (normalised hex) is one of these; checked after the handshake, before
       * any credential is sent.
       */
      pinnedCertificates?: readonly string[];
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
  const given = consentForHost(parseConsents(consent), endpoint.host);
  if (endpoint.security === 'plain') {
    // A certificate or source consent is not about plaintext: only a plaintext consent allows it.
    if (!given.plaintext) return { allowed: false, reason: 'insecure-refused' };
    return {
      allowed: true,
      rejectUnauthorized: false,
      requireStarttls: false,
      plaintext: true,
      consented: true,
    };
  }
  const pinned = given.pins.length > 0;
  return {
    allowed: true,
    rejectUnauthorized: !pinned,
    ...(pinned ? { pinnedCertificates: given.pins } : {}),
    // Consent relaxes the certificate only: a STARTTLS endpoint whose upgrade is missing or
    // refused (a downgrade) never falls back to a plaintext login; that needs a `plain` endpoint.
    requireStarttls: endpoint.security === 'starttls',
    plaintext: false,
    consented: pinned,
  };
}

/** What a TLS socket tells about its certificate (a `tls.TLSSocket` fits). */
export interface PeerFacts {
  authorized: boolean;
  getPeerCertificate(): { fingerprint256?: string } | null | undefined;
}

/**
 * Whether the plan refuses the certificate this socket got: only a pinned plan can, when the
 * certificate failed validation and is not one of the pinned ones. Returns the presented
 * fingerprint when refused, null when the session may go on.
 */
export function pinRefusal(plan: TransportPlan, socket: PeerFacts): string | null {
  if (!plan.allowed || plan.plaintext || socket.authorized) return null;
  if (!plan.pinnedCertificates)
    return socket.getPeerCertificate()?.fingerprint256 || 'no certificate';
  const presented = socket.getPeerCertificate()?.fingerprint256 ?? '';
  const hex = normaliseFingerprint(presented);
  if (hex && plan.pinnedCertificates.includes(hex)) return null;
  return presented || 'no certificate';
}
