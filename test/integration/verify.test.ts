/**
 * Real logins against the lab's Dovecot and Postfix on loopback: good logins on every protocol
 * and security, classified refusals (wrong password, app password, certificates, timeouts), the
 * username variants, the consent rule on the plaintext host, and Postfix's sender restriction.
 */
import { describe, expect, inject, it } from 'vitest';
import { createResolver } from '../../electron/engine/net/resolver.ts';
import { probe } from '../../electron/engine/probe/index.ts';
import { pinnedConsent } from '../../electron/engine/verify/policy.ts';
import {
  verifyAccount,
  verifyEndpoint,
  type VerifyOptions,
} from '../../electron/engine/verify/index.ts';
import type { Endpoint, Protocol, Security } from '../../shared/model.ts';
import { LAB_HOSTS, LAB_USERS, LAB_LOGIN_PORTS } from '../lab/topology.ts';
import { parsedAddress } from '../helpers/fixtures.ts';

const lab = inject('lab');
const base = (password: string): VerifyOptions => ({
  password,
  ca: [lab.caPem],
  resolver: createResolver({ server: lab.dns }),
  timeoutMs: 8000,
});

function endpoint(
  protocol: Protocol,
  port: number,
  security: Security,
  username: string,
  host: string = LAB_HOSTS.good.name,
): Endpoint {
  return { protocol, host, port, security, username };
}

const { alice, bob, carol, dave } = LAB_USERS;
const PORTS = LAB_LOGIN_PORTS;

describe('verify against the lab', () => {
  it.each(PORTS)('alice logs in on %s %d (%s)', async (protocol, port, security) => {
    const result = await verifyEndpoint(
      endpoint(protocol, port, security, alice.username),
      base(alice.password),
    );
    expect(result).toMatchObject({ ok: true, username: alice.username });
  });

  it.each(PORTS)(
    'a wrong password is wrong-credentials on %s %d',
    async (protocol, port, security) => {
      const result = await verifyEndpoint(
        endpoint(protocol, port, security, alice.username),
        base('not-the-password'),
      );
      expect(result).toMatchObject({ ok: false, reason: 'wrong-credentials', attempts: 1 });
      expect(result.ok ? '' : result.serverText).toBeTruthy();
    },
  );

  it.each([
    ['imap', 993, 'tls'],
    ['pop3', 995, 'tls'],
  ] as const)(
    "carol's refusal on %s is app-password-required, with the server's words",
    async (protocol, port, security) => {
      const result = await verifyEndpoint(
        endpoint(protocol, port, security, carol.username),
        base(carol.password),
      );
      expect(result).toMatchObject({ ok: false, reason: 'app-password-required' });
      expect(result.ok ? '' : result.serverText).toMatch(/Application-specific password required/);
    },
  );

  it("carries carol's app-password reason over to the bare SMTP 535 and tries SMTP only once", async () => {
    const report = await verifyAccount(
      {
        address: parsedAddress(carol.address),
        incoming: endpoint('imap', 993, 'tls', carol.username),
        outgoing: endpoint('smtp', 465, 'tls', carol.username),
      },
      base(carol.password),
    );
    expect(report.incoming).toMatchObject({
      ok: false,
      reason: 'app-password-required',
      attempts: 1,
    });
    expect(report.outgoing).toMatchObject({
      ok: false,
      reason: 'app-password-required',
      attempts: 1,
    });
  });

  it('spends no more SMTP attempts once IMAP refused the password for every username form', async () => {
    const report = await verifyAccount(
      {
        address: parsedAddress(alice.address),
        incoming: endpoint('imap', 993, 'tls', alice.username),
        outgoing: endpoint('smtp', 465, 'tls', alice.username),
      },
      base('not-the-password'),
    );
    expect(report.incoming).toMatchObject({ ok: false, reason: 'wrong-credentials', attempts: 2 });
    expect(report.outgoing).toMatchObject({ ok: false, reason: 'wrong-credentials', attempts: 1 });
  });

  it('finds bob through the username variants (local part only) and reuses it for SMTP', async () => {
    const report = await verifyAccount(
      {
        address: parsedAddress(bob.address),
        incoming: endpoint('imap', 993, 'tls', bob.address),
        outgoing: endpoint('smtp', 465, 'tls', bob.address),
      },
      base(bob.password),
    );
    expect(report.incoming).toMatchObject({ ok: true, username: 'bob' });
    expect(report.outgoing).toMatchObject({ ok: true, username: 'bob' });
  });

  it.each([
    ['expired', LAB_HOSTS.expired.name],
    ['wrong name', LAB_HOSTS.wrongName.name],
    ['self-signed', LAB_HOSTS.selfSigned.name],
  ])(
    'refuses the %s certificate as cert-invalid, also with a plaintext consent, and passes with its pinned consent',
    async (_kind, host) => {
      for (const [protocol, port] of [
        ['imap', 993],
        ['pop3', 995],
        ['smtp', 465],
      ] as const) {
        const target = endpoint(protocol, port, 'tls', alice.username, host);
        expect(await verifyEndpoint(target, base(alice.password))).toMatchObject({
          ok: false,
          reason: 'cert-invalid',
        });
        // A bare host is consent to plaintext only: it relaxes no certificate.
        expect(
          await verifyEndpoint(target, { ...base(alice.password), allowInsecure: [host] }),
        ).toMatchObject({ ok: false, reason: 'cert-invalid' });
        const seen = await probe(host, {
          ports: [{ port, protocol, security: 'tls' }],
          resolver: createResolver({ server: lab.dns }),
          ca: [lab.caPem],
          timeoutMs: 8000,
        });
        const sha256 = seen.ports[0]?.tls?.certificate?.sha256;
        expect(sha256, `${protocol} ${port}`).toBeTruthy();
        expect(
          await verifyEndpoint(target, {
            ...base(alice.password),
            allowInsecure: [pinnedConsent(host, sha256!)],
          }),
        ).toMatchObject({ ok: true });
      }
    },
  );

  it('refuses the plaintext host without consent and logs in with it', async () => {
    const host = LAB_HOSTS.plain.name;
    for (const [protocol, port] of [
      ['imap', 143],
      ['pop3', 110],
      ['smtp', 587],
    ] as const) {
      const target = endpoint(protocol, port, 'plain', dave.username, host);
      expect(await verifyEndpoint(target, base(dave.password))).toMatchObject({
        ok: false,
        reason: 'insecure-refused',
        attempts: 0,
      });
      expect(
        await verifyEndpoint(target, { ...base(dave.password), allowInsecure: [host] }),
      ).toMatchObject({
        ok: true,
        username: dave.username,
      });
    }
  });

  it('reports a silent server as server-silent and a closed one as unreachable, within bounds', async () => {
    const started = Date.now();
    const silent = await verifyEndpoint(
      endpoint('imap', 993, 'tls', alice.username, LAB_HOSTS.silent.name),
      {
        ...base(alice.password),
        timeoutMs: 1000,
      },
    );
    expect(silent).toMatchObject({ ok: false, reason: 'server-silent' });
    expect(Date.now() - started).toBeLessThan(4000);
    const closed = await verifyEndpoint(
      endpoint('pop3', 995, 'tls', alice.username, LAB_HOSTS.closed.name),
      base(alice.password),
    );
    expect(closed).toMatchObject({ ok: false, reason: 'unreachable' });
  });

  it("detects Postfix's sender restriction on the authenticated session and accepts alice's own address", async () => {
    const settings = {
      address: parsedAddress(alice.address),
      incoming: endpoint('imap', 993, 'tls', alice.username),
      outgoing: endpoint('smtp', 587, 'starttls', alice.username),
    };
    const rejected = await verifyAccount(settings, { ...base(alice.password), from: bob.address });
    expect(rejected.outgoing).toMatchObject({ ok: true });
    expect(rejected.sender).toMatchObject({ ok: false, reason: 'sender-rejected' });
    expect(rejected.sender && !rejected.sender.ok ? rejected.sender.serverText : '').toMatch(
      /not owned by user/,
    );
    const accepted = await verifyAccount(settings, {
      ...base(alice.password),
      from: alice.address,
    });
    expect(accepted.sender).toEqual({ ok: true });
  });
});
