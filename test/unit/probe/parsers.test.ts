import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CAPABILITIES } from '../../../electron/engine/probe/capabilities.ts';
import { recogniseGreeting } from '../../../electron/engine/probe/greeting.ts';
import {
  imapStatus,
  imapTagged,
  parseImapCapability,
  parseImapGreeting,
} from '../../../electron/engine/probe/imap.ts';
import { parsePop3Capa, pop3MultiLineComplete } from '../../../electron/engine/probe/pop3.ts';
import {
  parseEhlo,
  parseSmtpReply,
  smtpReplyComplete,
} from '../../../electron/engine/probe/smtp.ts';

describe('IMAP parsers', () => {
  it('reads a greeting and the capabilities in its response code', () => {
    expect(parseImapGreeting('* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready')).toEqual({
      kind: 'ok',
      capabilities: ['IMAP4rev1', 'STARTTLS', 'LOGINDISABLED'],
    });
    expect(parseImapGreeting('* PREAUTH welcome')?.kind).toBe('preauth');
    expect(parseImapGreeting('* BYE too many')?.kind).toBe('bye');
    expect(parseImapGreeting('220 smtp.example.org ESMTP')).toBeNull();
    expect(parseImapGreeting('* OKAY')).toBeNull();
  });

  it('reads CAPABILITY: STARTTLS, LOGINDISABLED and SASL mechanisms', () => {
    const caps = parseImapCapability([
      '* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED AUTH=PLAIN auth=xoauth2',
      'p1 OK done',
    ]);
    expect(caps).toMatchObject({
      starttls: true,
      loginDisabled: true,
      passwordLogin: false,
      auth: ['PLAIN', 'XOAUTH2'],
    });
    expect(parseImapCapability(['* CAPABILITY IMAP4rev1', 'p1 OK done']).passwordLogin).toBe(true);
  });

  it('takes capabilities from the tagged OK response code, not from other untagged lines', () => {
    const caps = parseImapCapability([
      '* OK [ALERT] AUTH=FAKE in an alert',
      'p1 OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] done',
    ]);
    expect(caps.auth).toEqual(['PLAIN']);
  });

  it('recognises the tagged end of a reply and its status', () => {
    const done = imapTagged('p2');
    expect(done('* CAPABILITY IMAP4rev1')).toBe(false);
    expect(done('p2 OK done')).toBe(true);
    expect(done('p22 OK other')).toBe(false);
    expect(imapStatus(['p2 no [AUTHENTICATIONFAILED] nope'], 'p2')).toBe('NO');
    expect(imapStatus(['garbage'], 'p2')).toBeNull();
  });

  it('bounds what a hostile server announces', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `X${i}`).join(' ');
    const caps = parseImapCapability([`* CAPABILITY ${many} AUTH=${'A'.repeat(500)}`]);
    expect(caps.capabilities.length).toBeLessThanOrEqual(MAX_CAPABILITIES);
    expect(caps.auth).toEqual([]);
  });
});

describe('POP3 parsers', () => {
  it('reads CAPA with STLS, USER and SASL', () => {
    const caps = parsePop3Capa(['+OK', 'TOP', 'user', 'SASL PLAIN login', 'STLS', '.']);
    expect(caps).toMatchObject({ starttls: true, passwordLogin: true, auth: ['PLAIN', 'LOGIN'] });
    expect(caps?.capabilities).toEqual(['TOP', 'USER', 'SASL PLAIN login', 'STLS']);
  });

  it('gives null when CAPA is refused, and ends replies correctly', () => {
    expect(parsePop3Capa(['-ERR no CAPA'])).toBeNull();
    expect(pop3MultiLineComplete('-ERR nope', ['-ERR nope'])).toBe(true);
    expect(pop3MultiLineComplete('+OK', ['+OK'])).toBe(false);
    expect(pop3MultiLineComplete('.', ['+OK', 'TOP', '.'])).toBe(true);
    expect(pop3MultiLineComplete('..', ['+OK', '..'])).toBe(false);
  });
});

describe('SMTP parsers', () => {
  it('reads multi-line replies and rejects mixed codes', () => {
    expect(smtpReplyComplete('250-first')).toBe(false);
    expect(smtpReplyComplete('250 last')).toBe(true);
    expect(smtpReplyComplete('garbage')).toBe(true);
    expect(parseSmtpReply(['250-a', '250 b'])).toEqual({ code: 250, lines: ['a', 'b'] });
    expect(parseSmtpReply(['250-a', '251 b'])).toBeNull();
    expect(parseSmtpReply(['hello'])).toBeNull();
    expect(parseSmtpReply(['999 odd'])).toBeNull();
  });

  it('reads EHLO keywords, including the old AUTH= form', () => {
    const caps = parseEhlo([
      '250-mail.example.org greets you',
      '250-PIPELINING',
      '250-starttls',
      '250-AUTH=LOGIN',
      '250-AUTH PLAIN LOGIN CRAM-MD5',
      '250 SIZE 1000',
    ]);
    expect(caps).toMatchObject({ starttls: true, auth: ['LOGIN', 'PLAIN', 'CRAM-MD5'] });
    expect(caps?.capabilities).toContain('SIZE 1000');
    expect(parseEhlo(['502 not implemented'])).toBeNull();
  });
});

describe('greeting recognition', () => {
  it('names the protocol of a greeting', () => {
    expect(recogniseGreeting('* OK Dovecot ready.')).toBe('imap');
    expect(recogniseGreeting('+OK Dovecot ready.')).toBe('pop3');
    expect(recogniseGreeting('220 mx.example.org ESMTP Postfix')).toBe('smtp');
    expect(recogniseGreeting('220-mx.example.org multi-line')).toBe('smtp');
    expect(recogniseGreeting('SSH-2.0-OpenSSH_9.6')).toBeNull();
    expect(recogniseGreeting('HTTP/1.1 400 Bad Request')).toBeNull();
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 300 }), { maxLength: 20 }), (lines) => {
        recogniseGreeting(lines[0] ?? '');
        parseImapGreeting(lines[0] ?? '');
        parseImapCapability(lines);
        parsePop3Capa(lines);
        parseEhlo(lines);
        parseSmtpReply(lines);
      }),
    );
  });
});
