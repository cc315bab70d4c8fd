import { XMLValidator } from 'fast-xml-parser';
import { parse as parseIni } from 'ini';
import { describe, expect, it } from 'vitest';
import { outlookAutodiscover } from '../../../shared/export/outlook-autodiscover.ts';
import { outlookPrf } from '../../../shared/export/outlook-prf.ts';
import { fitsWindows1252 } from '../../../shared/export/windows-1252.ts';
import type { Endpoint } from '../../../shared/model.ts';
import { cases, JANE, xmlParser } from './fixtures.ts';

type Section = Record<string, string>;

/**
 * Windows' profile-string reader drops one pair of quotes around a value; the `ini` package
 * JSON-decodes quoted values and leaves them as written when that fails. Applying the Windows
 * rule on top gives what Outlook reads.
 */
function windowsValue(value: string | undefined): string | undefined {
  if (value && value.length > 1 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1);
  }
  return value;
}

function readPrf(content: string): Record<string, Section> {
  return parseIni(content) as Record<string, Section>;
}

describe('Outlook PRF (outlook.prf)', () => {
  for (const { label, settings } of cases()) {
    it(`has the seven sections and every field reads back through an INI parser: ${label}`, () => {
      const part = outlookPrf(settings);
      const file = part.files[0]!;
      expect(file.filename).toBe('outlook.prf');
      expect(file.content).toMatch(/\r\n/);
      expect(file.content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      expect(file.content.charCodeAt(0)).not.toBe(0xfeff);
      for (let n = 1; n <= 7; n++) expect(file.content).toContain(`; ---- Section ${n} - `);

      const prf = readPrf(file.content);
      const imap = settings.incoming.protocol === 'imap';
      const p = imap ? 'IMAP' : 'POP3';
      const block = imap ? 'IMAP_I_Mail' : 'I_Mail';
      expect(prf.General!.Custom).toBe('1');
      expect(prf.General!.OverwriteProfile).toBe('Append');
      expect(prf).toHaveProperty(['Service List']);
      expect(prf['Internet Account List']!.Account1).toBe(block);

      const account = prf.Account1!;
      const value = (key: string) => windowsValue(account[key]);
      expect(value('AccountName')).toBe(settings.address);
      expect(value('EmailAddress')).toBe(settings.address);
      // A value Windows-1252 cannot hold is left out (and a note says so).
      const name = settings.displayName ?? '';
      expect(value('DisplayName')).toBe(fitsWindows1252(name) ? name : undefined);
      expect(part.notes.some((n) => n.code === 'prf-values-left-out')).toBe(!fitsWindows1252(name));
      expect(value(`${p}Server`)).toBe(settings.incoming.host);
      expect(value(`${p}UserName`)).toBe(settings.incoming.username);
      expect(value(`${p}Port`)).toBe(String(settings.incoming.port));
      expect(value(`${p}UseSSL`)).toBe(settings.incoming.security === 'tls' ? '1' : '0');
      expect(value(`${p}UseSPA`)).toBe('0');
      expect(value('SMTPServer')).toBe(settings.outgoing.host);
      expect(value('SMTPPort')).toBe(String(settings.outgoing.port));
      expect(value('SMTPSecureConnection')).toBe(settings.outgoing.security === 'tls' ? '1' : '2');
      expect(value('SMTPUseAuth')).toBe('1');
      if (settings.outgoing.username === settings.incoming.username) {
        expect(value('SMTPAuthMethod')).toBe('0');
      } else {
        expect(value('SMTPAuthMethod')).toBe('1');
        expect(value('SMTPUserName')).toBe(settings.outgoing.username);
      }

      // Section 7: every key of [Account1] (except the directive) has a mapping line.
      const mapping = prf[block]!;
      expect(mapping.AccountType).toBe(p);
      for (const key of Object.keys(account)) {
        if (key === 'UniqueService') continue;
        expect(mapping[key], `mapping for ${key}`).toMatch(/^PT_(UNICODE|LONG),0x[0-9A-F]{4}$/);
      }
      expect(file.content).not.toMatch(/^\w*password\w*=/im);

      const manual = part.notes.filter((n) => n.code === 'incoming-starttls-manual');
      expect(manual).toHaveLength(settings.incoming.security === 'starttls' ? 1 : 0);
    });
  }

  it('uses a working implicit-TLS endpoint instead of STARTTLS for the incoming server', () => {
    const starttls = cases().find((c) => c.label === 'imap starttls ascii')!.settings;
    const alternative: Endpoint = { ...starttls.incoming, port: 993, security: 'tls' };
    const part = outlookPrf(starttls, [alternative]);
    const account = readPrf(part.files[0]!.content).Account1!;
    expect(account.IMAPPort).toBe('993');
    expect(account.IMAPUseSSL).toBe('1');
    expect(part.notes.map((n) => n.code)).toEqual(['implicit-tls-used']);
  });

  it('keeps a name on one line: no line break can start a new key or section', () => {
    const part = outlookPrf({ ...JANE, displayName: 'Eve\r\n[General]\nProfileName=evil' });
    const prf = readPrf(part.files[0]!.content);
    expect(prf.General!.ProfileName).toBe(JANE.address);
    expect(prf.Account1!.DisplayName).toBe('Eve  [General] ProfileName=evil');
  });

  it('says which values it left out because Windows-1252 cannot hold them', () => {
    expect(outlookPrf(JANE).notes).toEqual([]);
    const hostile = cases().find((c) => c.label === 'imap tls hostile')!.settings;
    expect(outlookPrf(hostile).notes).toContainEqual(
      expect.objectContaining({
        code: 'prf-values-left-out',
        params: { values: `"${hostile.displayName}"` },
      }),
    );
  });
});

const ENCRYPTION = { tls: 'SSL', starttls: 'TLS', plain: 'None' } as const;

describe('Outlook Autodiscover (autodiscover.xml)', () => {
  for (const { label, settings } of cases()) {
    it(`round-trips every field through an XML parser: ${label}`, () => {
      const file = outlookAutodiscover(settings).files[0]!;
      expect(file.filename).toBe('autodiscover.xml');
      expect(XMLValidator.validate(file.content)).toBe(true);
      const doc = xmlParser.parse(file.content).Autodiscover;
      expect(doc['@_xmlns']).toBe(
        'http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006',
      );
      const response = doc.Response;
      expect(response['@_xmlns']).toBe(
        'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a',
      );
      expect(response.User.DisplayName).toBe(settings.displayName);
      expect(response.Account.AccountType).toBe('email');
      expect(response.Account.Action).toBe('settings');
      const [incoming, outgoing] = response.Account.Protocol as Array<Record<string, string>>;
      for (const [node, ep] of [
        [incoming!, settings.incoming],
        [outgoing!, settings.outgoing],
      ] as const) {
        expect(node.Type).toBe(ep.protocol.toUpperCase());
        expect(node.Server).toBe(ep.host);
        expect(node.Port).toBe(String(ep.port));
        expect(node.LoginName).toBe(ep.username);
        expect(node.SPA).toBe('off');
        expect(node.SSL).toBe('on');
        expect(node.Encryption).toBe(ENCRYPTION[ep.security]);
        expect(node.DomainRequired).toBe('off');
        expect(node.AuthRequired).toBe('on');
      }
      expect(outgoing!.UsePOPAuth).toBe(
        settings.outgoing.username === settings.incoming.username ? 'on' : 'off',
      );
      expect(file.content).not.toMatch(/password/i);
    });
  }

  it('turns SSL off only for an unencrypted server', () => {
    const plain = {
      ...JANE,
      incoming: { ...JANE.incoming, port: 143, security: 'plain' as const },
    };
    const doc = xmlParser.parse(outlookAutodiscover(plain).files[0]!.content);
    const [incoming] = doc.Autodiscover.Response.Account.Protocol;
    expect(incoming.SSL).toBe('off');
    expect(incoming.Encryption).toBe('None');
  });
});
