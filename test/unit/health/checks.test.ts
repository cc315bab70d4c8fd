/**
 * The record checks on a fake DNS (no network): SPF lookups counted through nested includes and
 * stopped by the budget on an include loop, redirect ignored next to `all`, `+all`/`?all`, a
 * missing provider include; DMARC falling back to the organisational domain; DKIM key mismatch
 * against the catalogue.
 */
import { describe, expect, it } from 'vitest';
import type { Answer, HealthDns } from '../../../electron/engine/health/dns.ts';
import { checkDkim } from '../../../electron/engine/health/dkim.ts';
import { checkDmarc } from '../../../electron/engine/health/dmarc.ts';
import { checkSpf } from '../../../electron/engine/health/spf.ts';
import { MAILBOX_ORG } from '../../../shared/providers/catalog/mailbox-org.ts';
import type { Resolver } from '../../../electron/engine/net/resolver.ts';

function fakeDns(txt: Record<string, string[]>): HealthDns & { asked: string[] } {
  const asked: string[] = [];
  const none = async (): Promise<Answer<never>> => ({ ok: true, value: [] });
  return {
    asked,
    async txt(name) {
      asked.push(name);
      return { ok: true, value: txt[name] ?? [] };
    },
    mx: none,
    addresses: none,
    get queries() {
      return asked.length;
    },
    resolver: {} as Resolver,
  };
}

const codes = (findings: Array<{ code: string }>): string[] => findings.map((f) => f.code).sort();

describe('SPF lookups and qualifiers', () => {
  it('counts through nested includes and redirect', async () => {
    const dns = fakeDns({
      'example.org': ['v=spf1 include:a.example.org redirect=r.example.org'],
      'a.example.org': ['v=spf1 a mx include:b.example.org'],
      'b.example.org': ['v=spf1 ip4:192.0.2.1 exists:%{i}.x.example.org -all'],
      'r.example.org': ['v=spf1 mx -all'],
    });
    const result = await checkSpf(dns, 'example.org', undefined);
    // include a (1) + a, mx (3) + include b (4) + exists (5) + redirect (6) + mx (7)
    expect(result.lookups).toBe(7);
    expect(codes(result.findings)).toEqual([]);
  });

  it('an include loop stops at the budget and is a permerror', async () => {
    const dns = fakeDns({ 'loop.example': ['v=spf1 include:loop.example -all'] });
    const result = await checkSpf(dns, 'loop.example', undefined);
    expect(codes(result.findings)).toEqual(['spf-too-many-lookups']);
    expect(result.lookups).toBe(11);
    expect(dns.asked.length).toBeLessThanOrEqual(13);
  });

  it('redirect next to all is not followed (RFC 7208 §6.1)', async () => {
    const dns = fakeDns({ 'example.org': ['v=spf1 mx redirect=missing.example -all'] });
    const result = await checkSpf(dns, 'example.org', undefined);
    expect(dns.asked).toEqual(['example.org']);
    expect(codes(result.findings)).toEqual([]);
  });

  it('+all, ?all, no all, an include without a record, the provider include', async () => {
    const check = async (record: string, include?: string) =>
      codes((await checkSpf(fakeDns({ 'd.example': [record] }), 'd.example', include)).findings);
    expect(await check('v=spf1 mx +all')).toEqual(['spf-all-pass']);
    expect(await check('v=spf1 mx all')).toEqual(['spf-all-pass']);
    expect(await check('v=spf1 mx ?all')).toEqual(['spf-all-neutral']);
    expect(await check('v=spf1 mx')).toEqual(['spf-no-all']);
    expect(await check('v=spf1 include:gone.example -all')).toEqual(['spf-include-missing']);
    expect(await check('v=spf1 mx ~all', 'mailbox.org')).toEqual(['spf-provider-include-missing']);
  });
});

describe('DMARC', () => {
  it('falls back to the organisational domain and reads its policy', async () => {
    const dns = fakeDns({
      '_dmarc.example.co.uk': ['v=DMARC1; p=quarantine; rua=mailto:d@example.co.uk'],
    });
    const result = await checkDmarc(dns, 'shop.example.co.uk');
    expect(result.policy).toBe('quarantine');
    expect(result.records[0]?.name).toBe('_dmarc.example.co.uk');
    expect(result.findings).toEqual([]);
  });

  it('p=none is a warning, a missing p an error, v not first a syntax error', async () => {
    const run = async (record: string) =>
      codes((await checkDmarc(fakeDns({ '_dmarc.d.example': [record] }), 'd.example')).findings);
    expect(await run('v=DMARC1; p=none; rua=mailto:a@d.example')).toEqual(['dmarc-policy-none']);
    expect(await run('v=DMARC1; rua=mailto:a@d.example')).toEqual(['dmarc-bad-policy']);
    expect(await run('v=DMARC1; p=reject; adkim=x; rua=mailto:a@d.example')).toEqual([
      'dmarc-syntax',
    ]);
  });
});

describe('DKIM against the catalogue', () => {
  it("a published key that is not mailbox.org's is a mismatch, with the record to publish", async () => {
    const expected = MAILBOX_ORG.dns?.dkimRecords?.mbo0001 ?? '';
    const other = MAILBOX_ORG.dns?.dkimRecords?.mbo0002 ?? '';
    const dns = fakeDns({
      'mbo0001._domainkey.shop.example': [other],
      'mbo0002._domainkey.shop.example': [other],
    });
    const result = await checkDkim(dns, 'shop.example', MAILBOX_ORG, []);
    expect(codes(result.findings)).toEqual(['dkim-key-mismatch']);
    expect(result.findings[0]?.params?.selector).toBe('mbo0001');
    expect(result.toPublish).toEqual([
      { type: 'TXT', name: 'mbo0001._domainkey', value: expected },
    ]);
  });
});
