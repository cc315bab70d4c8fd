import { describe, expect, it } from 'vitest';
import {
  findProviderByDomain,
  findProviderById,
  findProviderByMx,
  findProvidersByMx,
} from '../../../shared/providers/index.ts';

const idOfDomain = (d: string) => findProviderByDomain(d)?.id;
const idOfMx = (mx: string) => findProviderByMx(mx)?.id;

describe('findProviderByDomain', () => {
  it.each([
    ['mailbox.org', 'mailbox-org'],
    ['secure.mailbox.org', 'mailbox-org'],
    ['runbox.com', 'runbox'],
    ['runbox.no', 'runbox'],
    ['gmail.com', 'gmail'],
    ['googlemail.com', 'gmail'],
    ['hotmail.de', 'outlook'],
    ['outlook.com', 'outlook'],
    ['icloud.com', 'icloud'],
    ['me.com', 'icloud'],
    ['yahoo.co.uk', 'yahoo'],
    ['aol.com', 'aol'],
    ['gmx.de', 'gmx'],
    ['gmx.com', 'gmx-com'],
    ['web.de', 'web-de'],
    ['t-online.de', 't-online'],
    ['posteo.de', 'posteo'],
    ['fastmail.com', 'fastmail'],
    ['zoho.eu', 'zoho-eu'],
    ['proton.me', 'proton-bridge'],
    ['yandex.ru', 'yandex'],
    ['mail.de', 'mail-de'],
    ['tutanota.de', 'tuta'],
    ['online.de', 'ionos'],
  ])('%s belongs to %s', (domain, id) => {
    expect(idOfDomain(domain)).toBe(id);
  });

  it('ignores case, surrounding space and the trailing root dot', () => {
    expect(idOfDomain('  MailBox.ORG. ')).toBe('mailbox-org');
  });

  it('matches tenant subdomains only where a provider lists a domain suffix', () => {
    expect(idOfDomain('contoso.onmicrosoft.com')).toBe('microsoft-365');
    expect(idOfDomain('onmicrosoft.com')).toBeUndefined();
    expect(idOfDomain('foo.gmail.com')).toBeUndefined();
  });

  it('does not match look-alike or unknown domains', () => {
    for (const d of [
      'evilmailbox.org',
      'mailbox.org.evil.test',
      'xgmail.com',
      'gmail.co',
      'good.test',
      '',
    ]) {
      expect(idOfDomain(d), d).toBeUndefined();
    }
  });
});

describe('findProviderByMx', () => {
  it.each([
    ['mxext1.mailbox.org', 'mailbox-org'],
    ['mxext3.mailbox.org.', 'mailbox-org'],
    ['aspmx.l.google.com', 'google-workspace'],
    ['alt1.aspmx.l.google.com', 'google-workspace'],
    ['aspmx2.googlemail.com', 'google-workspace'],
    ['contoso-com.mail.protection.outlook.com', 'microsoft-365'],
    ['hotmail-com.olc.protection.outlook.com', 'outlook'],
    ['mx01.mail.icloud.com', 'icloud'],
    ['mta5.am0.yahoodns.net', 'yahoo'],
    ['mx00.gmx.net', 'gmx'],
    ['mx-ha03.web.de', 'web-de'],
    ['mx00.kundenserver.de', 'ionos'],
    ['smtpin.rzone.de', 'strato'],
    ['mx1.your-server.de', 'hetzner'],
    ['in1-smtp.messagingengine.com', 'fastmail'],
    ['mx.zoho.eu', 'zoho-eu-business'],
    ['mx.zoho.com', 'zoho-business'],
    ['mail.protonmail.ch', 'proton-bridge'],
    ['mx.yandex.net', 'yandex'],
    ['mx.runbox.com', 'runbox'],
    ['mail.tutanota.de', 'tuta'],
  ])('%s identifies %s', (mx, id) => {
    expect(idOfMx(mx)).toBe(id);
  });

  it('matches only on a label boundary', () => {
    for (const mx of [
      'mx.evilmailbox.org',
      'evilmailbox.org',
      'mailbox.org.attacker.test',
      'notgoogle.com',
      'xprotection.outlook.com',
    ]) {
      expect(idOfMx(mx), mx).toBeUndefined();
    }
  });

  it('offers PlentyONE after mailbox.org for a mailbox.org MX, never before it', () => {
    expect(findProvidersByMx('mxext2.mailbox.org').map((p) => p.id)).toEqual([
      'mailbox-org',
      'plentyone',
    ]);
    expect(findProvidersByMx('mx.example.test')).toEqual([]);
  });

  it('prefers the more specific pattern', () => {
    // 'mail.protection.outlook.com' and 'olc.protection.outlook.com' share a parent; neither
    // may catch the other.
    expect(idOfMx('x.mail.protection.outlook.com')).toBe('microsoft-365');
    expect(idOfMx('protection.outlook.com')).toBeUndefined();
  });
});

describe('findProviderById', () => {
  it('finds the seed providers and nothing else', () => {
    for (const id of ['mailbox-org', 'plentyone', 'onoffice', 'runbox']) {
      expect(findProviderById(id)?.id).toBe(id);
    }
    expect(findProviderById('nope')).toBeUndefined();
  });
});
