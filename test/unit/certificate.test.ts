import { describe, expect, it } from 'vitest';
import { certificateAccepted, certificateVerdict } from '../../shared/certificate.ts';
import type { CertificateFacts, TlsFacts } from '../../shared/model.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const CERT: CertificateFacts = {
  subject: 'CN=mail.example.test',
  issuer: 'CN=Lab CA',
  validFrom: '2026-01-01T00:00:00Z',
  validTo: '2027-01-01T00:00:00Z',
  altNames: ['mail.example.test'],
  sha256: 'AB',
  selfSigned: false,
};
function tls(change: Partial<TlsFacts> = {}, cert: Partial<CertificateFacts> = {}): TlsFacts {
  return {
    version: 'TLSv1.3',
    cipher: null,
    trusted: true,
    hostnameMatch: true,
    certificate: { ...CERT, ...cert },
    ...change,
  };
}

describe('the certificate verdict', () => {
  it('is valid for a trusted certificate of the host, and null without TLS', () => {
    expect(certificateVerdict(tls(), NOW)).toBe('valid');
    expect(certificateAccepted(tls())).toBe(true);
    expect(certificateVerdict(null, NOW)).toBeNull();
  });

  it('names the worst problem first: dates, then the name, then the chain', () => {
    const expired = tls(
      { trusted: false, error: 'CERT_HAS_EXPIRED', hostnameMatch: false },
      { validTo: '2026-02-01T00:00:00Z' },
    );
    expect(certificateVerdict(expired, NOW)).toBe('expired');
    expect(certificateVerdict(tls({}, { validFrom: '2026-12-01T00:00:00Z' }), NOW)).toBe(
      'not-yet-valid',
    );
    expect(certificateVerdict(tls({ hostnameMatch: false }), NOW)).toBe('hostname-mismatch');
    expect(certificateAccepted(tls({ hostnameMatch: false }))).toBe(false);
    const selfSigned = tls(
      { trusted: false, error: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
      { selfSigned: true },
    );
    expect(certificateVerdict(selfSigned, NOW)).toBe('self-signed');
    expect(
      certificateVerdict(tls({ trusted: false, error: 'UNABLE_TO_GET_ISSUER_CERT' }), NOW),
    ).toBe('untrusted');
  });

  it('falls back to Node’s verification error when the certificate’s facts are missing', () => {
    const bare = (error: string) => tls({ trusted: false, error, certificate: null });
    expect(certificateVerdict(bare('CERT_HAS_EXPIRED'), NOW)).toBe('expired');
    expect(certificateVerdict(bare('CERT_NOT_YET_VALID'), NOW)).toBe('not-yet-valid');
    expect(certificateVerdict(bare('SELF_SIGNED_CERT_IN_CHAIN'), NOW)).toBe('self-signed');
    expect(certificateVerdict(bare('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), NOW)).toBe('untrusted');
  });
});
