import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  thunderbirdAutoconfig,
  usernamePlaceholder,
} from '../../../shared/export/thunderbird-autoconfig.ts';
import { exportFormats } from '../../../shared/export/index.ts';
import { thunderbirdUserJs } from '../../../shared/export/thunderbird-userjs.ts';
import type { Endpoint } from '../../../shared/model.ts';
import { cases, xmlParser } from './fixtures.ts';

const SOCKET_WORD = { tls: 'SSL', starttls: 'STARTTLS', plain: 'plain' } as const;
const SOCKET_NUMBER = { tls: 3, starttls: 2, plain: 0 } as const;

/**
 * A small reader of `user_pref("name", value);` lines, independent of the exporter: string values
 * are decoded with the JavaScript escape rules (the pref parser's rules for these escapes).
 */
function readUserJs(text: string): Map<string, string | number | boolean> {
  const prefs = new Map<string, string | number | boolean>();
  const line = /^user_pref\(("(?:[^"\\]|\\.)*"),\s*("(?:[^"\\]|\\.)*"|-?\d+|true|false)\);$/;
  for (const raw of text.split('\n')) {
    if (!raw.trim() || raw.startsWith('//')) continue;
    const match = line.exec(raw);
    expect(match, `unreadable line: ${raw}`).not.toBeNull();
    const [, name, value] = match!;
    const decoded: string | number | boolean = value!.startsWith('"')
      ? (JSON.parse(value!) as string)
      : value === 'true' || value === 'false'
        ? value === 'true'
        : Number(value);
    prefs.set(JSON.parse(name!) as string, decoded);
  }
  return prefs;
}

function expectServer(node: Record<string, string>, ep: Endpoint, address: string) {
  expect(node.hostname).toBe(ep.host);
  expect(node.port).toBe(String(ep.port));
  expect(node.socketType).toBe(SOCKET_WORD[ep.security]);
  expect(node.authentication).toBe('password-cleartext');
  if (usernamePlaceholder(ep.username, address) === null) {
    // One person's literal name never lands in the domain-wide file.
    expect(node.username).toBe('%EMAILADDRESS%');
    return;
  }
  const username = node
    .username!.replace('%EMAILADDRESS%', address)
    .replace('%EMAILLOCALPART%', address.slice(0, address.lastIndexOf('@')));
  expect(username).toBe(ep.username);
}

describe('Thunderbird autoconfig (config-v1.1.xml)', () => {
  for (const { label, settings } of cases()) {
    it(`round-trips every field through an XML parser: ${label}`, () => {
      const [file] = thunderbirdAutoconfig(settings).files;
      expect(file!.filename).toBe('config-v1.1.xml');
      expect(XMLValidator.validate(file!.content)).toBe(true);
      const doc = xmlParser.parse(file!.content);
      const provider = doc.clientConfig.emailProvider;
      expect(doc.clientConfig['@_version']).toBe('1.1');
      const domain = new URL(`http://${settings.address.split('@')[1]}`).hostname;
      expect(provider['@_id']).toBe(domain);
      expect(provider.domain).toBe(domain);
      expect(provider.incomingServer['@_type']).toBe(settings.incoming.protocol);
      expect(provider.outgoingServer['@_type']).toBe('smtp');
      expectServer(provider.incomingServer, settings.incoming, settings.address);
      expectServer(provider.outgoingServer, settings.outgoing, settings.address);
      expect(file!.content).not.toMatch(/<password>/);
      const pop3 = provider.incomingServer.pop3 as Record<string, string> | undefined;
      expect(pop3?.leaveMessagesOnServer).toBe(
        settings.incoming.protocol === 'pop3' ? 'true' : undefined,
      );
    });
  }

  it('writes the placeholder form that produced a username, never a literal name', () => {
    const base = { ...cases()[0]!.settings, address: 'jane@example.com' };
    const part = thunderbirdAutoconfig({
      ...base,
      incoming: { ...base.incoming, username: 'jane' },
      outgoing: { ...base.outgoing, username: 'other&<login>' },
    });
    const xml = part.files[0]!.content;
    expect(xml).toContain('<username>%EMAILLOCALPART%</username>');
    expect(xml).not.toContain('other');
    expect(xml).toContain('<username>%EMAILADDRESS%</username>');
    expect(part.notes).toEqual([
      expect.objectContaining({
        code: 'username-not-in-autoconfig',
        params: { username: 'other&<login>' },
      }),
    ]);
    const runbox = thunderbirdAutoconfig({
      ...base,
      incoming: { ...base.incoming, username: 'jane%example.com' },
      outgoing: { ...base.outgoing, username: 'jane%example.com' },
    });
    expect(runbox.files[0]!.content.match(/<username>([^<]*)<\/username>/g)).toEqual([
      '<username>%EMAILLOCALPART%%%EMAILDOMAIN%</username>',
      '<username>%EMAILLOCALPART%%%EMAILDOMAIN%</username>',
    ]);
    expect(runbox.notes).toEqual([]);
  });
});

describe('OAuth2 in the exports', () => {
  const gmail = {
    address: 'anna@gmail.com',
    incoming: {
      protocol: 'imap',
      host: 'imap.gmail.com',
      port: 993,
      security: 'tls',
      username: 'anna@gmail.com',
    },
    outgoing: {
      protocol: 'smtp',
      host: 'smtp.gmail.com',
      port: 465,
      security: 'tls',
      username: 'anna@gmail.com',
    },
  } as const;
  const outlook = {
    address: 'anna@outlook.com',
    incoming: {
      protocol: 'imap',
      host: 'outlook.office365.com',
      port: 993,
      security: 'tls',
      username: 'anna@outlook.com',
      authMethod: 'oauth2',
    },
    outgoing: {
      protocol: 'smtp',
      host: 'smtp-mail.outlook.com',
      port: 587,
      security: 'starttls',
      username: 'anna@outlook.com',
      authMethod: 'oauth2',
    },
  } as const;
  const t = (key: string) => key;

  it('Gmail: user.js says authMethod 10 (OAuth2), autoconfig OAuth2 before the password', () => {
    const part = thunderbirdUserJs(gmail);
    const prefs = readUserJs(part.files[0]!.content);
    expect(prefs.get('mail.server.server1.authMethod')).toBe(10);
    expect(prefs.get('mail.smtpserver.smtp1.authMethod')).toBe(10);
    expect(part.notes.map((n) => n.code)).toEqual(['oauth2-sign-in']);
    const xml = thunderbirdAutoconfig(gmail).files[0]!.content;
    expect(xml.match(/<authentication>([^<]*)</g)).toEqual([
      '<authentication>OAuth2<',
      '<authentication>password-cleartext<',
      '<authentication>OAuth2<',
      '<authentication>password-cleartext<',
    ]);
    // Gmail takes app passwords: the Outlook and Apple files are still made.
    const names = exportFormats(gmail, ['outlook', 'apple'], { t, language: 'en' }).files.map(
      (f) => f.filename,
    );
    expect(names).toEqual(['outlook.prf', 'autodiscover.xml', 'anna@gmail.com.mobileconfig']);
  });

  it('Outlook.com (OAuth2 only): user.js says 10, no PRF or Apple profile, notes say how instead', () => {
    const prefs = readUserJs(thunderbirdUserJs(outlook).files[0]!.content);
    expect(prefs.get('mail.server.server1.authMethod')).toBe(10);
    expect(prefs.get('mail.smtpserver.smtp1.authMethod')).toBe(10);
    const xml = thunderbirdAutoconfig(outlook).files[0]!.content;
    expect(xml).not.toContain('password-cleartext');
    const result = exportFormats(outlook, ['outlook', 'apple'], { t, language: 'en' });
    expect(result.files).toEqual([]);
    expect(result.notes.map((n) => [n.code, n.params.provider])).toEqual([
      ['oauth2-outlook', 'Outlook.com'],
      ['oauth2-apple', 'Outlook.com'],
    ]);
  });

  it('a password-encrypted server gets Thunderbird authMethod 4', () => {
    const settings = {
      ...cases()[0]!.settings,
      incoming: { ...cases()[0]!.settings.incoming, authMethod: 'password-encrypted' as const },
    };
    const prefs = readUserJs(thunderbirdUserJs(settings).files[0]!.content);
    expect(prefs.get('mail.server.server1.authMethod')).toBe(4);
    expect(thunderbirdAutoconfig(settings).files[0]!.content).toContain(
      '<authentication>password-encrypted</authentication>',
    );
  });
});

describe('Thunderbird user.js', () => {
  for (const { label, settings } of cases()) {
    it(`sets a complete account that a pref reader reads back: ${label}`, () => {
      const prefs = readUserJs(thunderbirdUserJs(settings).files[0]!.content);
      const { incoming, outgoing } = settings;
      expect(prefs.get('mail.accountmanager.accounts')).toBe('account1,account2');
      expect(prefs.get('mail.accountmanager.defaultaccount')).toBe('account1');
      expect(prefs.get('mail.account.account1.server')).toBe('server1');
      expect(prefs.get('mail.account.account1.identities')).toBe('id1');
      expect(prefs.get('mail.server.server1.type')).toBe(incoming.protocol);
      expect(prefs.get('mail.server.server1.hostname')).toBe(incoming.host);
      expect(prefs.get('mail.server.server1.port')).toBe(incoming.port);
      expect(prefs.get('mail.server.server1.socketType')).toBe(SOCKET_NUMBER[incoming.security]);
      expect(prefs.get('mail.server.server1.authMethod')).toBe(3);
      expect(prefs.get('mail.server.server1.userName')).toBe(incoming.username);
      expect(prefs.get('mail.identity.id1.useremail')).toBe(settings.address);
      expect(prefs.get('mail.identity.id1.fullName')).toBe(settings.displayName);
      expect(prefs.get('mail.identity.id1.smtpServer')).toBe('smtp1');
      expect(prefs.get('mail.smtpservers')).toBe('smtp1');
      expect(prefs.get('mail.smtpserver.smtp1.hostname')).toBe(outgoing.host);
      expect(prefs.get('mail.smtpserver.smtp1.port')).toBe(outgoing.port);
      expect(prefs.get('mail.smtpserver.smtp1.try_ssl')).toBe(SOCKET_NUMBER[outgoing.security]);
      expect(prefs.get('mail.smtpserver.smtp1.username')).toBe(outgoing.username);
      expect(prefs.has('mail.smtpserver.smtp1.userName')).toBe(false);
      expect(prefs.get('mail.accountmanager.localfoldersserver')).toBe('server2');
      expect(prefs.get('mail.server.server2.type')).toBe('none');
      expect([...prefs.keys()].some((k) => /password/i.test(k))).toBe(false);
    });
  }

  it('escapes quotes, backslashes and line breaks so a name cannot end the string', () => {
    const settings = { ...cases()[0]!.settings, displayName: 'a"); user_pref("x", 1);\n\\' };
    const text = thunderbirdUserJs(settings).files[0]!.content;
    const prefs = readUserJs(text);
    expect(prefs.get('mail.identity.id1.fullName')).toBe(settings.displayName);
    expect(prefs.has('x')).toBe(false);
  });
});
