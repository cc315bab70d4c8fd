/**
 * Certificate and session facts from a TLS socket: who the certificate names, who issued it, when
 * it is valid, whether the chain is trusted (built-in roots plus any extra CA given) and whether it
 * matches the hostname. Judged here rather than by the handshake, so a probe can describe an
 * untrusted certificate instead of only failing on it.
 */
import { X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import type { CertificateFacts, TlsFacts } from '../../../shared/model.ts';

const HOSTNAME_ERROR = 'ERR_TLS_CERT_ALTNAME_INVALID';

/** Facts of the TLS session on `socket`, whose certificate should name `host`. */
export function tlsFacts(socket: tls.TLSSocket, host: string): TlsFacts {
  // Not the detailed form: building the whole chain as objects costs about 1 ms per connection,
  // and the chain is not needed (self-signed is judged from the certificate itself).
  const peer = socket.getPeerCertificate(false);
  const hasCert = peer && Object.keys(peer).length > 0;
  const certificate = hasCert ? certificateFacts(peer) : null;
  const hostnameMatch = hasCert ? tls.checkServerIdentity(host, peer) === undefined : false;
  const authError = socket.authorizationError ? String(socket.authorizationError) : undefined;
  // The handshake also checks the name; a name mismatch alone does not make the chain untrusted.
  const trusted = hasCert && (socket.authorized || authError === HOSTNAME_ERROR);
  const facts: TlsFacts = {
    version: socket.getProtocol() ?? null,
    cipher: socket.getCipher()?.name ?? null,
    trusted,
    hostnameMatch,
    certificate,
  };
  if (!trusted) facts.error = authError ?? 'NO_CERTIFICATE';
  return facts;
}

export function certificateFacts(cert: tls.PeerCertificate): CertificateFacts {
  return {
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    validFrom: isoDate(cert.valid_from),
    validTo: isoDate(cert.valid_to),
    altNames: altNames(cert.subjectaltname),
    sha256: cert.fingerprint256 ?? '',
    selfSigned: isSelfSigned(cert),
  };
}

/** A certificate is self-signed when it names itself as issuer and its own key signed it. */
function isSelfSigned(cert: tls.PeerCertificate): boolean {
  if (distinguishedName(cert.subject) !== distinguishedName(cert.issuer)) return false;
  if (!cert.raw) return true;
  try {
    const x509 = new X509Certificate(cert.raw);
    return x509.verify(x509.publicKey);
  } catch {
    return true;
  }
}

/** `CN=mail.example.org, O=Example` from Node's subject object (multi-valued fields joined). */
export function distinguishedName(name: tls.Certificate | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(', ');
}

/** Parses Node's `subjectaltname` text (`DNS:a.example, IP Address:192.0.2.1`). */
export function altNames(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/,\s*/)
    .map((entry) => entry.replace(/^(DNS|IP Address|email|URI):/, '').trim())
    .filter((entry) => entry.length > 0);
}

function isoDate(text: string): string {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

/** Days from `now` until the certificate expires (negative once expired), rounded down. */
export function daysUntil(iso: string, now: Date): number {
  return Math.floor((new Date(iso).getTime() - now.getTime()) / 86_400_000);
}
