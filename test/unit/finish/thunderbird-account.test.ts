import { describe, expect, it } from 'vitest';
import {
  accountAddresses,
  planAddition,
} from '../../../electron/engine/finish/thunderbird-account.ts';
import { parsePrefs, prefValues } from '../../../electron/engine/finish/prefs-file.ts';
import { ALICE, EXISTING_PREFS } from './fixtures.ts';

function prefsOf(text: string) {
  const parsed = parsePrefs(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return prefValues(parsed.statements);
}

describe('adding an account to a profile: the plan', () => {
  const existing = prefsOf(EXISTING_PREFS);

  it('uses keys nothing in the profile uses (not even a left-over server branch)', () => {
    const plan = planAddition(existing, ALICE);
    expect(plan.status).toBe('add');
    if (plan.status !== 'add') return;
    expect(plan.keys).toEqual({
      account: 'account3',
      server: 'server4',
      identity: 'id2',
      smtp: 'smtp2',
    });
    const changes = new Map(plan.changes);
    expect(changes.get('mail.accountmanager.accounts')).toBe('account1,account2,account3');
    expect(changes.get('mail.smtpservers')).toBe('smtp1,smtp2');
    expect(changes.get('mail.server.server4.userName')).toBe('alice');
    expect(changes.get('mail.server.server4.socketType')).toBe(3);
    expect(changes.get('mail.smtpserver.smtp2.try_ssl')).toBe(2);
    expect(changes.get('mail.identity.id2.smtpServer')).toBe('smtp2');
    expect(changes.get('mail.identity.id2.fullName')).toBe(ALICE.displayName);
    // Nothing of the existing account is touched.
    for (const name of changes.keys()) {
      if (name === 'mail.accountmanager.accounts' || name === 'mail.smtpservers') continue;
      expect(existing.has(name), name).toBe(false);
    }
  });

  it('finds the same account again (host and user name compared without case)', () => {
    const bob = {
      ...ALICE,
      address: 'bob@example.org',
      incoming: { ...ALICE.incoming, host: 'IMAP.Example.org', username: 'Bob' },
    };
    expect(planAddition(existing, bob)).toEqual({
      status: 'already-present',
      accountKey: 'account1',
    });
  });

  it('a server only left over from a deleted account does not count as present', () => {
    const leftover = { ...ALICE, incoming: { ...ALICE.incoming, host: 'left.over.example' } };
    expect(planAddition(existing, leftover).status).toBe('add');
  });

  it('reuses an outgoing server that is exactly the one wanted', () => {
    const sameSmtp = {
      ...ALICE,
      outgoing: {
        protocol: 'smtp' as const,
        host: 'smtp.example.org',
        port: 465,
        security: 'tls' as const,
        username: 'bob',
      },
    };
    const plan = planAddition(existing, sameSmtp);
    if (plan.status !== 'add') throw new Error('expected add');
    expect(plan.keys.smtp).toBe('smtp1');
    const changes = new Map(plan.changes);
    expect(changes.has('mail.smtpservers')).toBe(false);
    expect(changes.has('mail.smtpserver.smtp1.hostname')).toBe(false);
    expect(changes.get('mail.identity.id2.smtpServer')).toBe('smtp1');
  });

  it('an empty profile gets account1 and smtp1', () => {
    const plan = planAddition(new Map(), ALICE);
    if (plan.status !== 'add') throw new Error('expected add');
    expect(plan.keys).toEqual({
      account: 'account1',
      server: 'server1',
      identity: 'id1',
      smtp: 'smtp1',
    });
    expect(new Map(plan.changes).get('mail.accountmanager.accounts')).toBe('account1');
  });

  it('POP3 accounts leave the mail on the server', () => {
    const pop = { ...ALICE, incoming: { ...ALICE.incoming, protocol: 'pop3' as const, port: 995 } };
    const plan = planAddition(existing, pop);
    if (plan.status !== 'add') throw new Error('expected add');
    const changes = new Map(plan.changes);
    expect(changes.get('mail.server.server4.type')).toBe('pop3');
    expect(changes.get('mail.server.server4.leave_on_server')).toBe(true);
  });

  it('lists the addresses of the accounts a profile has', () => {
    expect(accountAddresses(existing)).toEqual(['bob@example.org']);
  });
});
