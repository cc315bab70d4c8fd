import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isMultilineComplete,
  parseCapabilities,
  parseStatus,
  saslPlain,
} from '../../../electron/engine/verify/pop3-reply.ts';

describe('POP3 reply parser', () => {
  it('parses status lines with and without response codes', () => {
    expect(parseStatus('+OK Dovecot ready.')).toEqual({
      ok: true,
      continuation: false,
      text: 'Dovecot ready.',
    });
    expect(parseStatus('-ERR [AUTH] Authentication failed.')).toEqual({
      ok: false,
      continuation: false,
      code: 'AUTH',
      text: 'Authentication failed.',
    });
    expect(parseStatus('-ERR [SYS/TEMP] try later')).toMatchObject({ code: 'SYS/TEMP' });
    expect(parseStatus('+ ')).toMatchObject({ ok: true, continuation: true });
    expect(parseStatus('* OK imap here')).toEqual({
      ok: false,
      continuation: false,
      text: '* OK imap here',
    });
  });

  it('reads CAPA replies and ends multi-line replies at the dot or at -ERR', () => {
    const lines = ['+OK', 'CAPA', 'SASL PLAIN login', 'STLS', 'USER', '.'];
    expect(lines.map((line, i) => isMultilineComplete(line, lines.slice(0, i + 1)))).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
    expect(isMultilineComplete('-ERR no', ['-ERR no'])).toBe(true);
    const caps = parseCapabilities(lines);
    expect(caps.get('SASL')).toEqual(['PLAIN', 'LOGIN']);
    expect(caps.has('STLS')).toBe(true);
  });

  it('encodes SASL PLAIN as RFC 4616 says', () => {
    expect(Buffer.from(saslPlain('u', 'p'), 'base64').toString()).toBe('\u0000u\u0000p');
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (line) => {
        const status = parseStatus(line);
        expect(typeof status.ok).toBe('boolean');
      }),
    );
  });
});
