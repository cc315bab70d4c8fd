/**
 * The security rule of DESIGN.md, in one place: a password goes only over TLS with a validated
 * certificate. Plaintext, or a certificate that fails validation, needs explicit consent for that
 * host (`--allow-insecure` on the CLI, a confirmation in the UI). Without consent a plaintext
 * endpoint is refused before any connection is made, so nothing at all is sent; on TLS endpoints
 * the certificate is checked and a failure ends the session before the login.
 *
 * Consent entries (`allowInsecure`) come in two forms:
 * - `host#AB:CD:…` (SHA-256 of a certificate, as the probe reports it): an invalid certificate is
 *   accepted on this host only when the server presents exactly that certificate (pinned). This
 *   is the consent to a certificate problem the person saw. It never allows plaintext.
 * - `host`: plaintext consent (there is nothing to pin), and for TLS any certificate, for callers
 *   that probed nothing and so have no fingerprint to pin.
 * Both forms count as consent to the host itself (settings from an untrusted source).
 */
import type { Endpoint } from '../../../shared/model.ts';

/** `true` = every host (any certificate); a list of `host` / `host#sha256` entries. */
export type InsecureConsent = boolean | readonly string[] | undefined;

function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/** `AB:cd:…` or `abcd…` → upper-case hex without separators (for comparison). */
export function normaliseFingerprint(sha256: string): string {
  return sha256.replace(/[^0-9a-f]/gi, '').toUpperCase();
}

/** A consent entry split into its host and, when pinned, the certificate's fingerprint. */
export function parseConsentEntry(entry: string): { host: string; sha256?: string } {
  const at = entry.indexOf('#');
  if (at < 0) return { host: normaliseHost(entry) };
  return {
    host: normaliseHost(entry.slice(0, at)),
    sha256: normaliseFingerprint(entry.slice(at + 1)),
  };
}

/** The consent entry that pins `sha256` for `host`. */
export function pinnedConsent(host: string, sha256: string): string {
  return `${host}#${sha256}`;
}

interface HostConsent {
  /** Some consent (pinned or not) names this host. */
  any: boolean;
  /** A bare `host` entry (or `true`): plaintext and any certificate. */
  unpinned: boolean;
  /** Fingerprints (normalised) of the certificates consented to. */
  pins: string[];
}

function consentFor(consent: InsecureConsent, host: string): HostConsent {
  if (consent === true) return { any: true, unpinned: true, pins: [] };
  if (!consent) return { any: false, unpinned: false, pins: [] };
  const wanted = normaliseHost(host);
  const entries = consent.map(parseConsentEntry).filter((entry) => entry.host === wanted);
  const pins = entries.flatMap((entry) => (entry.sha256 ? [entry.sha256] : []));
  return {
    any: entries.length > 0,
    unpinned: entries.some((entry) => entry.sha256 === undefined),
    pins,
  };
}

/** Whether the caller consented to this host at all (bare or pinned entry). */
export function hasConsent(consent: InsecureConsent, host: string): boolean {
  return consentFor(consent, host).any;
}

/** How a login may travel to an endpoint, or why it may not. */
export type TransportPlan =
  | {
      allowed: true;
      /** Check the certificate chain and name (false only with consent). */
      rejectUnauthorized: boolean;
      /**
       * With `rejectUnauthorized: false`: when set, a certificate that fails validation is
       * accepted only if its SHA-256 (normalised hex) is one of these; checked after the
       * handshake, before any credential is sent. Unset = any certificate (bare consent).
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
  const given = consentFor(consent, endpoint.host);
  if (endpoint.security === 'plain') {
    // A pinned consent is about a certificate: it never allows plaintext.
    if (!given.unpinned) return { allowed: false, reason: 'insecure-refused' };
    return {
      allowed: true,
      rejectUnauthorized: false,
      requireStarttls: false,
      plaintext: true,
      consented: true,
    };
  }
  return {
    allowed: true,
    rejectUnauthorized: !given.any,
    ...(given.any && !given.unpinned ? { pinnedCertificates: given.pins } : {}),
    // Consent relaxes the certificate only: a STARTTLS endpoint whose upgrade is missing or
    // refused (a downgrade) never falls back to a plaintext login; that needs a `plain` endpoint.
    requireStarttls: endpoint.security === 'starttls',
    plaintext: false,
    consented: given.any,
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
  if (!plan.allowed || !plan.pinnedCertificates || socket.authorized) return null;
  const presented = socket.getPeerCertificate()?.fingerprint256 ?? '';
  const hex = normaliseFingerprint(presented);
  if (hex && plan.pinnedCertificates.includes(hex)) return null;
  return presented || 'no certificate';
}
