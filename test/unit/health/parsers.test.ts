/**
 * The pure parts of the health checks: SPF syntax (RFC 7208), the tag lists of DKIM/DMARC/
 * MTA-STS/TLS-RPT, DKIM keys read with node:crypto (type and size), MTA-STS policies and their
 * `mx` patterns (RFC 8461 §4.1), and that every health code has words in both languages.
 */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseDkimKey } from '../../../electron/engine/health/dkim-key.ts';
import { mxMatches, parseMtaStsPolicy } from '../../../electron/engine/health/mta-sts.ts';
import { isSpfRecord, parseSpf } from '../../../electron/engine/health/spf-parse.ts';
import { parseTagList } from '../../../electron/engine/health/tags.ts';
import { HEALTH_CHECKS, HEALTH_CODES } from '../../../shared/health.ts';
import { catalogues } from '../../../shared/i18n/catalogues.ts';
import { PLENTYONE } from '../../../shared/providers/catalog/mailbox-org.ts';
import { dnsRecordsOf } from '../../../shared/providers/catalog/build.ts';

function spkiBase64(bits: number): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

describe('SPF syntax', () => {
  it('accepts every mechanism form and the modifiers', () => {
    const parsed = parseSpf(
      'v=spf1 +a -mx:mail.example.org/24 ~ip4:192.0.2.0/24 ?ip6:2001:db8::/32 ptr ' +
        'exists:%{i}._spf.example.org include:_spf.example.net redirect=_spf.example.com ' +
        'exp=explain.example.org unknown-mod=x -all',
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.terms.filter((t) => t.kind === 'mechanism').map((t) => t.name)).toEqual([
      'a',
      'mx',
      'ip4',
      'ip6',
      'ptr',
      'exists',
      'include',
      'all',
    ]);
  });

  it.each([
    ['v=spf1 include: -all', 'include:'],
    ['v=spf1 ip4:300.1.1.1 -all', 'ip4:300.1.1.1'],
    ['v=spf1 ip4:192.0.2.1/33', 'ip4:192.0.2.1/33'],
    ['v=spf1 a/99', 'a/99'],
    ['v=spf1 fantasy:x', 'fantasy:x'],
    ['v=spf1 redirect=a.example redirect=b.example', 'redirect=b.example'],
    ['v=spf1 all:x', 'all:x'],
  ])('%s is a syntax error at %s', (record, term) => {
    expect(parseSpf(record)).toEqual({ ok: false, term });
  });

  it('tells SPF records from other TXT records', () => {
    expect(isSpfRecord('v=spf1 -all')).toBe(true);
    expect(isSpfRecord('V=SPF1')).toBe(true);
    expect(isSpfRecord('v=spf10 -all')).toBe(false);
    expect(isSpfRecord('google-site-verification=abc')).toBe(false);
  });
});

describe('tag lists', () => {
  it('reads tags, tolerates a final semicolon, refuses repeats and bare words', () => {
    const list = parseTagList(' v=DMARC1 ; p = reject;rua=mailto:a@b.example; ');
    expect(list.ok && Object.fromEntries(list.tags)).toEqual({
      v: 'DMARC1',
      p: 'reject',
      rua: 'mailto:a@b.example',
    });
    expect(parseTagList('v=DKIM1; p=a; p=b').ok).toBe(false);
    expect(parseTagList('v=DKIM1; oops; p=a').ok).toBe(false);
  });
});

describe('DKIM keys', () => {
  it('reads RSA key sizes from the SubjectPublicKeyInfo', () => {
    for (const bits of [1024, 2048]) {
      expect(parseDkimKey(`v=DKIM1; k=rsa; p=${spkiBase64(bits)}`)).toMatchObject({
        ok: true,
        type: 'rsa',
        bits,
      });
    }
  });

  it('reads Ed25519 keys, revoked keys, the testing flag; refuses broken ones', () => {
    const ed = Buffer.alloc(32, 7).toString('base64');
    expect(parseDkimKey(`v=DKIM1; k=ed25519; p=${ed}`)).toMatchObject({
      type: 'ed25519',
      bits: 256,
    });
    expect(parseDkimKey('v=DKIM1; p=')).toMatchObject({ ok: true, type: 'revoked' });
    expect(parseDkimKey(`v=DKIM1; t=y:s; p=${spkiBase64(1024)}`)).toMatchObject({ testing: true });
    expect(parseDkimKey('v=DKIM1; k=rsa; p=AAAA')).toEqual({
      ok: false,
      reason: 'p= is not an RSA public key',
    });
    expect(parseDkimKey('v=DKIM1; p=not*base64')).toMatchObject({ ok: false });
    expect(parseDkimKey('p=x; v=DKIM1')).toMatchObject({ ok: false, reason: 'v=DKIM1' });
    expect(parseDkimKey('v=DKIM1; k=dsa; p=AAAA')).toEqual({ ok: false, reason: 'k=dsa' });
  });

  it("reads the catalogue's mailbox.org keys as 2048-bit RSA", () => {
    for (const record of PLENTYONE.dns?.dkimRecords
      ? Object.values(PLENTYONE.dns.dkimRecords)
      : []) {
      expect(parseDkimKey(record)).toMatchObject({ ok: true, type: 'rsa', bits: 2048 });
    }
  });
});

describe('MTA-STS policies', () => {
  it('parses a policy (CRLF) and matches mx patterns on one label only', () => {
    const parsed = parseMtaStsPolicy(
      'version: STSv1\r\nmode: enforce\r\nmx: mail.example.org\r\nmx: *.example.net\r\nmax_age: 86400\r\n',
    );
    expect(parsed).toEqual({
      ok: true,
      policy: { mode: 'enforce', mx: ['mail.example.org', '*.example.net'], maxAge: 86400 },
    });
    expect(mxMatches('*.example.net', 'mx1.example.net')).toBe(true);
    expect(mxMatches('*.example.net', 'a.mx1.example.net')).toBe(false);
    expect(mxMatches('*.example.net', 'example.net')).toBe(false);
    expect(mxMatches('mail.example.org', 'MAIL.example.org.')).toBe(true);
  });

  it.each([
    ['mode: enforce\nmx: a.example\nmax_age: 1', 'version'],
    ['version: STSv1\nmode: strict\nmx: a.example\nmax_age: 1', 'mode: strict'],
    ['version: STSv1\nmode: enforce\nmax_age: 1', 'mx'],
    ['version: STSv1\nmode: enforce\nmx: a.example\nmax_age: soon', 'max_age: soon'],
  ])('refuses %j (%s)', (body, reason) => {
    expect(parseMtaStsPolicy(body)).toEqual({ ok: false, reason });
  });
});

describe('health words and provider records', () => {
  it('every health code has a title and a fix, every check a name, in English and German', () => {
    for (const lang of ['en', 'de'] as const) {
      const health = catalogues[lang].health as {
        findings: Record<string, { title: string; fix: string }>;
        checks: Record<string, string>;
      };
      expect(Object.keys(health.findings).sort(), lang).toEqual([...HEALTH_CODES].sort());
      for (const code of HEALTH_CODES) {
        expect(health.findings[code]?.title.trim(), `${lang} ${code}`).not.toBe('');
        expect(health.findings[code]?.fix.trim(), `${lang} ${code}`).not.toBe('');
      }
      expect(Object.keys(health.checks).sort()).toEqual([...HEALTH_CHECKS].sort());
    }
  });

  it('the PlentyONE DNS guide shows exactly the records the health check expects', () => {
    const guide = PLENTYONE.guides.find((g) => g.code === 'dns-records');
    expect(guide?.records).toEqual(dnsRecordsOf(PLENTYONE.dns ?? { dkimSelectors: [] }));
    expect(guide?.records?.map((r) => r.name)).toEqual([
      '@',
      'mbo0001._domainkey',
      'mbo0002._domainkey',
    ]);
    expect(guide?.records?.[0]?.value).toBe('v=spf1 include:mailbox.org ~all');
  });
});
