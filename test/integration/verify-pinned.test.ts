/**
 * Pinned consent against the lab: the probe of mail.selfsigned.test reports the SHA-256 of its
 * self-signed certificate; a consent naming that fingerprint logs in (implicit TLS and STARTTLS),
 * a consent naming another certificate is refused as cert-invalid before the login. A pinned
 * consent is never consent to plaintext.
 */
import { describe, expect, inject, it } from 'vitest';
import { createResolver } from '../../electron/engine/net/resolver.ts';
import { probe } from '../../electron/engine/probe/index.ts';
import { verifyEndpoint, type VerifyOptions } from '../../electron/engine/verify/index.ts';
import { pinnedConsent } from '../../electron/engine/verify/policy.ts';
import { LAB_HOSTS, LAB_USERS, LAB_LOGIN_PORTS } from '../lab/topology.ts';

const lab = inject('lab');
const host = LAB_HOSTS.selfSigned.name;
const { alice, dave } = LAB_USERS;
const base = (password: string): VerifyOptions => ({
  password,
  ca: [lab.caPem],
  resolver: createResolver({ server: lab.dns }),
  timeoutMs: 8000,
});

const PORTS = LAB_LOGIN_PORTS;

describe('pinned certificate consent (lab)', () => {
  it('the probed fingerprint lets alice in; another fingerprint is cert-invalid', async () => {
    const report = await probe(host, {
      ports: PORTS.map(([protocol, port, security]) => ({ port, protocol, security })),
      resolver: createResolver({ server: lab.dns }),
      ca: [lab.caPem],
      timeoutMs: 8000,
    });
    const wrong = Array.from({ length: 32 }, () => '5A').join(':');
    for (const [protocol, port, security] of PORTS) {
      const seen = report.ports.find((p) => p.port === port && p.security === security);
      const sha256 = seen?.tls?.certificate?.sha256;
      expect(sha256, `${protocol} ${port}`).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      expect(seen?.tls?.trusted).toBe(false);
      const target = { protocol, host, port, security, username: alice.username };
      const pinned = await verifyEndpoint(target, {
        ...base(alice.password),
        allowInsecure: [pinnedConsent(host, sha256!)],
      });
      expect(pinned, `${protocol} ${port}`).toMatchObject({ ok: true });
      const refused = await verifyEndpoint(target, {
        ...base(alice.password),
        allowInsecure: [pinnedConsent(host, wrong)],
      });
      expect(refused, `${protocol} ${port}`).toMatchObject({ ok: false, reason: 'cert-invalid' });
      expect(refused.ok ? '' : refused.serverText).toContain(sha256);
    }
  });

  it('a pinned consent does not allow plaintext on the plain host', async () => {
    const plainHost = LAB_HOSTS.plain.name;
    const target = {
      protocol: 'imap' as const,
      host: plainHost,
      port: 143,
      security: 'plain' as const,
      username: dave.username,
    };
    const pin = Array.from({ length: 32 }, () => '00').join(':');
    expect(
      await verifyEndpoint(target, {
        ...base(dave.password),
        allowInsecure: [pinnedConsent(plainHost, pin)],
      }),
    ).toMatchObject({ ok: false, reason: 'insecure-refused', attempts: 0 });
  });
});
