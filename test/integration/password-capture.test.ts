/**
 * Proof on the wire that the consent rule holds: dumpcap records the loopback traffic to and from
 * the lab's plaintext host while dave's login is verified on IMAP, POP3 and SMTP. Without consent
 * neither the password nor its base64 forms (SASL PLAIN `\0user\0pass`, AUTH LOGIN) appear in the
 * capture - also when a connection is made because the endpoint claims STARTTLS; with consent
 * they do appear, which shows the capture would have seen them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createResolver } from '../../electron/engine/net/resolver.ts';
import { verifyEndpoint, type LoginResult } from '../../electron/engine/verify/index.ts';
import type { Endpoint, Protocol, Security } from '../../shared/model.ts';
import { passwordForms, startCapture } from '../hostile/capture.ts';
import { needs } from '../helpers/needs.ts';
import { LAB_HOSTS, LAB_USERS } from '../lab/topology.ts';

needs('lab', 'dumpcap');

const lab = inject('lab');
const host = LAB_HOSTS.plain;
const { dave } = LAB_USERS;

/** Every form the password could travel in. */
const forms = passwordForms(dave.username, dave.password);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'mailsetup-capture-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function endpoint(protocol: Protocol, port: number, security: Security): Endpoint {
  return { protocol, host: host.name, port, security, username: dave.username };
}

const TARGETS: Array<[Protocol, number]> = [
  ['imap', 143],
  ['pop3', 110],
  ['smtp', 587],
];

async function verifyAll(
  security: Security,
  allowInsecure: string[] | undefined,
): Promise<LoginResult[]> {
  const options = {
    password: dave.password,
    ca: [lab.caPem],
    resolver: createResolver({ server: lab.dns }),
    timeoutMs: 8000,
    ...(allowInsecure ? { allowInsecure } : {}),
  };
  const results: LoginResult[] = [];
  for (const [protocol, port] of TARGETS)
    results.push(await verifyEndpoint(endpoint(protocol, port, security), options));
  return results;
}

function found(capture: Buffer): string[] {
  return forms.filter((form) => capture.includes(Buffer.from(form, 'latin1')));
}

describe('password on the wire (skipped when dumpcap is not installed)', () => {
  it('never crosses loopback without consent and does with consent (skipped if dumpcap cannot capture on lo)', async (context) => {
    const refused = await startCapture(dir, 'refused', `host ${host.address}`);
    if (!refused) return context.skip();
    const plainRefused = await verifyAll('plain', undefined);
    const starttlsMissing = await verifyAll('starttls', undefined);
    const withoutConsent = await refused.stop();

    for (const result of plainRefused)
      expect(result).toMatchObject({ ok: false, reason: 'insecure-refused' });
    for (const result of starttlsMissing)
      expect(result).toMatchObject({ ok: false, reason: 'tls-error' });
    // The STARTTLS attempts did connect: the capture holds their traffic, but not the password.
    expect(withoutConsent.includes(Buffer.from('EHLO'))).toBe(true);
    expect(found(withoutConsent)).toEqual([]);

    const allowed = await startCapture(dir, 'allowed', `host ${host.address}`);
    if (!allowed) return context.skip();
    const withConsent = await verifyAll('plain', [host.name]);
    const consentCapture = await allowed.stop();
    for (const result of withConsent) expect(result).toMatchObject({ ok: true });
    // The lab offers SASL PLAIN on all three, so the password travels as base64 of \0user\0pass.
    expect(found(consentCapture)).toContain(forms[1]);
  });
});
