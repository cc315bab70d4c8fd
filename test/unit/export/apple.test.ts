import { XMLValidator } from 'fast-xml-parser';
import { parse as parsePlist } from 'plist';
import { describe, expect, it } from 'vitest';
import {
  appleMobileconfig,
  profileFilename,
  profileIdentifier,
} from '../../../shared/export/apple-mobileconfig.ts';
import type { AccountSettings } from '../../../shared/model.ts';
import { cases, FIXED_UUIDS, JANE } from './fixtures.ts';

type Dict = Record<string, unknown>;

function readProfile(settings: AccountSettings, options = {}) {
  const part = appleMobileconfig(settings, options);
  const file = part.files[0]!;
  expect(XMLValidator.validate(file.content)).toBe(true);
  const profile = parsePlist(file.content) as Dict;
  const mail = (profile.PayloadContent as Dict[])[0]!;
  return { part, file, profile, mail };
}

describe('Apple configuration profile (.mobileconfig)', () => {
  for (const { label, settings } of cases()) {
    it(`round-trips every field through a plist parser: ${label}`, () => {
      const { file, profile, mail } = readProfile(settings);
      expect(file.filename).toBe(`${settings.address}.mobileconfig`);
      expect(file.mediaType).toBe('application/x-apple-aspen-config');
      expect(profile.PayloadType).toBe('Configuration');
      expect(profile.PayloadVersion).toBe(1);
      expect(profile.PayloadIdentifier).toBe(profileIdentifier(settings.address));
      expect(mail.PayloadType).toBe('com.apple.mail.managed');
      expect(mail.PayloadIdentifier).toBe(`${profile.PayloadIdentifier as string}.mail`);
      expect(mail.EmailAccountType).toBe(
        settings.incoming.protocol === 'imap' ? 'EmailTypeIMAP' : 'EmailTypePOP',
      );
      expect(mail.EmailAddress).toBe(settings.address);
      expect(mail.EmailAccountName).toBe(settings.displayName);
      for (const [prefix, ep] of [
        ['Incoming', settings.incoming],
        ['Outgoing', settings.outgoing],
      ] as const) {
        expect(mail[`${prefix}MailServerHostName`]).toBe(ep.host);
        expect(mail[`${prefix}MailServerPortNumber`]).toBe(ep.port);
        expect(mail[`${prefix}MailServerUseSSL`]).toBe(true);
        expect(mail[`${prefix}MailServerUsername`]).toBe(ep.username);
        expect(mail[`${prefix}MailServerAuthentication`]).toBe('EmailAuthPassword');
      }
      expect(file.content).toContain('<integer>');
      expect(mail).not.toHaveProperty('IncomingPassword');
      expect(mail).not.toHaveProperty('OutgoingPassword');
      expect(mail.OutgoingPasswordSameAsIncomingPassword).toBe(true);
    });
  }

  it('keeps the identifier stable per address and makes fresh UUIDs each time', () => {
    const a = readProfile(JANE);
    const b = readProfile(JANE);
    expect(a.profile.PayloadIdentifier).toBe(b.profile.PayloadIdentifier);
    expect(a.profile.PayloadIdentifier).toMatch(/^com\.example\.mailsetup\.jane-[0-9a-f]{8}$/);
    expect(a.profile.PayloadUUID).not.toBe(b.profile.PayloadUUID);
    expect(a.profile.PayloadUUID).not.toBe(a.mail.PayloadUUID);
    expect(a.profile.PayloadUUID).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-/);
    expect(profileIdentifier('a.b@example.com')).not.toBe(profileIdentifier('a-b@example.com'));
    expect(profileIdentifier('Jane@Example.com')).toBe(profileIdentifier('jane@example.com'));
  });

  it('uses the injected UUID source', () => {
    const { profile, mail } = readProfile(JANE, { randomUUID: FIXED_UUIDS() });
    expect(mail.PayloadUUID).toBe('00000000-0000-4000-8000-000000000001');
    expect(profile.PayloadUUID).toBe('00000000-0000-4000-8000-000000000002');
  });

  it('includes the password only when asked, with a warning', () => {
    const withSecret = { ...JANE, password: 'S3cret&<"pw">' };
    const plain = readProfile(withSecret);
    expect(plain.file.content).not.toContain('S3cret');
    expect(plain.part.notes).toEqual([]);

    const asked = readProfile(withSecret, { includePassword: true });
    expect(asked.mail.IncomingPassword).toBe(withSecret.password);
    expect(asked.mail.OutgoingPassword).toBe(withSecret.password);
    expect(asked.mail).not.toHaveProperty('OutgoingPasswordSameAsIncomingPassword');
    expect(asked.part.notes.map((n) => n.code)).toEqual(['password-included']);
  });

  it('prefers a working implicit-TLS endpoint over STARTTLS, else notes what to check', () => {
    const starttls = cases().find((c) => c.label === 'imap starttls ascii')!.settings;
    const without = readProfile(starttls);
    expect(without.mail.IncomingMailServerPortNumber).toBe(143);
    expect(without.part.notes.map((n) => n.code)).toEqual(['starttls-as-ssl', 'starttls-as-ssl']);

    const alternatives = [
      { ...starttls.incoming, port: 993, security: 'tls' as const },
      { ...starttls.outgoing, port: 465, security: 'tls' as const },
    ];
    const withAlt = readProfile(starttls, { alternatives });
    expect(withAlt.mail.IncomingMailServerPortNumber).toBe(993);
    expect(withAlt.mail.OutgoingMailServerPortNumber).toBe(465);
    expect(withAlt.part.notes.map((n) => n.code)).toEqual([
      'implicit-tls-used',
      'implicit-tls-used',
    ]);
  });

  it('makes file names without characters file systems refuse', () => {
    expect(profileFilename('"a/b\\c:d"@example.com')).toBe('_a_b_c_d_@example.com.mobileconfig');
  });
});
