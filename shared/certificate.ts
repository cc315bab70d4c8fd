/**
 * The one verdict on a server certificate as the probe saw it, used wherever a certificate is
 * judged as a whole: the ranking, the CLI's probe table, the wizard's consent, the exporters'
 * alternatives. (The probe's findings list every problem of a certificate separately, see
 * `electron/engine/probe/findings.ts`; this is the single word for the worst one.)
 */
import type { TlsFacts } from './model.ts';

export const CERTIFICATE_VERDICTS = [
  'valid',
  'expired',
  'not-yet-valid',
  'hostname-mismatch',
  'self-signed',
  'untrusted',
] as const;
export type CertificateVerdict = (typeof CERTIFICATE_VERDICTS)[number];

/** Node's verification errors that mean the chain ends in a self-signed certificate. */
const SELF_SIGNED_ERRORS = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);

/** Whether a client that validates certificates would accept this one for the host. */
export function certificateAccepted(tls: TlsFacts): boolean {
  return tls.trusted && tls.hostnameMatch;
}

/**
 * The certificate in one word: the worst thing about it, or `valid`; null without TLS. Dates are
 * judged at `now`; without the certificate's facts, Node's verification error decides.
 */
export function certificateVerdict(
  tls: TlsFacts | null,
  now: Date = new Date(),
): CertificateVerdict | null {
  if (!tls) return null;
  const cert = tls.certificate;
  if (tls.error === 'CERT_HAS_EXPIRED' || (cert && new Date(cert.validTo) < now)) return 'expired';
  if (tls.error === 'CERT_NOT_YET_VALID' || (cert && new Date(cert.validFrom) > now))
    return 'not-yet-valid';
  if (!tls.hostnameMatch) return 'hostname-mismatch';
  if (!tls.trusted) {
    const selfSigned = cert ? cert.selfSigned : SELF_SIGNED_ERRORS.has(tls.error ?? '');
    return selfSigned ? 'self-signed' : 'untrusted';
  }
  return 'valid';
}
