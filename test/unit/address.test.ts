import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAddress, substitutePlaceholders } from '../../shared/address.ts';
import { ADDRESS_ERRORS } from '../../shared/codes.ts';
import { decodePunycode, domainToUnicode } from '../../shared/punycode.ts';

function parsed(input: string) {
  const result = parseAddress(input);
  if (!result.ok) throw new Error(`expected ${input} to parse, got ${result.error}`);
  return result.value;
}

function errorOf(input: string): string | null {
  const result = parseAddress(input);
  return result.ok ? null : result.error;
}

describe('parseAddress', () => {
  it('trims and lower-cases the domain but keeps the local part as typed', () => {
    const value = parsed('  Alice.Smith@Example.COM \n');
    expect(value).toEqual({
      address: 'Alice.Smith@example.com',
      localPart: 'Alice.Smith',
      domain: 'example.com',
      domainUnicode: 'example.com',
      display: 'Alice.Smith@example.com',
    });
  });

  it('converts internationalised domains to ASCII and shows the Unicode form', () => {
    const value = parsed('jörg@Bücher.de');
    expect(value.domain).toBe('xn--bcher-kva.de');
    expect(value.domainUnicode).toBe('bücher.de');
    expect(value.display).toBe('jörg@bücher.de');
    expect(value.address).toBe('jörg@xn--bcher-kva.de');
    expect(parsed('a@xn--bcher-kva.de').domainUnicode).toBe('bücher.de');
    expect(parsed('a@münchen。de').domain).toBe('xn--mnchen-3ya.de');
  });

  it('accepts a pasted mailto: link and a "Name <address>" form', () => {
    expect(parsed('mailto:bob@good.test').address).toBe('bob@good.test');
    expect(parsed('Bob Builder <bob@good.test>').address).toBe('bob@good.test');
  });

  it.each([
    ['', 'empty'],
    ['   \t ', 'empty'],
    ['alice.example.com', 'missing-at'],
    ['a@b@example.com', 'multiple-at'],
    ['@example.com', 'empty-local-part'],
    ['alice@', 'empty-domain'],
    ['alice smith@example.com', 'contains-space'],
    ['alice@exa mple.com', 'contains-space'],
    ['https://mail.example.com/login', 'looks-like-url'],
    ['http://alice@example.com', 'looks-like-url'],
    ['www.example.com', 'looks-like-url'],
    ['example.com/mail', 'looks-like-url'],
    ['.alice@example.com', 'invalid-local-part'],
    ['alice.@example.com', 'invalid-local-part'],
    ['al..ice@example.com', 'invalid-local-part'],
    ['"alice"@example.com', 'invalid-local-part'],
    ['al\u0000ice@example.com', 'invalid-local-part'],
    ['alice@localhost', 'invalid-domain'],
    ['alice@127.0.0.1', 'invalid-domain'],
    ['alice@[127.0.0.1]', 'invalid-domain'],
    ['alice@-example.com', 'invalid-domain'],
    ['alice@exa_mple.com', 'invalid-domain'],
    ['alice@example..com', 'invalid-domain'],
    ['alice@xn--zz.com', 'invalid-domain'],
    ['alice@exam%70le.com', 'invalid-domain'],
    [`${'a'.repeat(65)}@example.com`, 'too-long'],
    [`alice@${'a'.repeat(250)}.com`, 'invalid-domain'],
    [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}.com`, 'too-long'],
    ['x'.repeat(100_000), 'too-long'],
  ])('rejects %j with %s', (input, error) => {
    expect(errorOf(input)).toBe(error);
  });

  it('never throws and only ever returns known codes (property)', () => {
    const known = new Set<string>(ADDRESS_ERRORS);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string({
            unit: fc.constantFrom('@', '.', ' ', 'a', 'ü', '<', '>', ':', '/', '%', '-', '\u200b'),
          }),
          fc.emailAddress(),
        ),
        (input) => {
          const result = parseAddress(input);
          if (!result.ok) expect(known.has(result.error)).toBe(true);
          else expect(result.value.address).toContain('@');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('accepts generated valid addresses (property)', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (input) => {
        const result = parseAddress(input);
        // fast-check may generate single-label or numeric-TLD domains, which mail does not use.
        const tld = input.split('.').pop() ?? '';
        if (input.split('@')[1]?.includes('.') && !/^\d+$/.test(tld) && input.length <= 254) {
          expect(result.ok).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent on its own output', () => {
    for (const input of ['Alice@Example.com', 'jörg@bücher.de', 'a+tag@sub.example.co.uk']) {
      const once = parsed(input);
      expect(parsed(once.address)).toEqual(once);
      expect(parsed(once.display)).toEqual(once);
    }
  });
});

describe('substitutePlaceholders', () => {
  const address = parsed('Alice@Example.com');
  it('replaces every placeholder, everywhere', () => {
    expect(substitutePlaceholders('%EMAILLOCALPART%.%EMAILDOMAIN%', address)).toBe(
      'Alice.example.com',
    );
    expect(substitutePlaceholders('%EMAILADDRESS% / %EMAILADDRESS%', address)).toBe(
      'Alice@example.com / Alice@example.com',
    );
    expect(substitutePlaceholders('%REALNAME%', address, 'Alice A.')).toBe('Alice A.');
    expect(substitutePlaceholders('%REALNAME%x', address)).toBe('x');
    expect(substitutePlaceholders('%UNKNOWN% %EMAILADDRESS', address)).toBe(
      '%UNKNOWN% %EMAILADDRESS',
    );
  });
});

describe('punycode', () => {
  it('decodes RFC 3492 samples and refuses garbage', () => {
    expect(decodePunycode('bcher-kva')).toBe('bücher');
    expect(decodePunycode('mnchen-3ya')).toBe('münchen');
    expect(decodePunycode('ihqwcrb4cv8a8dqg056pqjye')).toBe('他们为什么不说中文');
    expect(decodePunycode('zz!')).toBeNull();
    expect(decodePunycode('ü-abc')).toBeNull();
    expect(domainToUnicode('xn--bcher-kva.xn--zz.de')).toBe('bücher.xn--zz.de');
  });
});
