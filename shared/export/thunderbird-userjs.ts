/**
 * Thunderbird `user.js` for a fresh profile: one complete account (incoming server, identity, SMTP
 * server) plus Local Folders, its prefs built by `thunderbird-prefs.ts`. Thunderbird re-applies
 * user.js on every start: the import instructions say to remove it after the first. For an
 * existing profile the app writes prefs.js instead (`electron/engine/finish/`).
 */
import type { AccountSettings } from '../model.ts';
import {
  ACCOUNTS_PREF,
  SMTP_SERVERS_PREF,
  accountPrefs,
  userPrefLine,
  type Pref,
} from './thunderbird-prefs.ts';
import { thunderbirdSignInNotes } from './login-method.ts';
import type { ExportPart } from './types.ts';

const lines = (prefs: readonly Pref[]): string[] =>
  prefs.map(([name, value]) => userPrefLine(name, value));

export function thunderbirdUserJs(settings: AccountSettings): ExportPart {
  const groups = accountPrefs(settings, {
    account: 'account1',
    server: 'server1',
    identity: 'id1',
    smtp: 'smtp1',
  });
  const content = [
    '// Mail Setup Wizard: one mail account for a new Thunderbird profile.',
    '// Put this file into an empty profile folder, start Thunderbird once, then delete it:',
    '// Thunderbird applies user.js at every start and would undo later changes.',
    '// No password is stored here; Thunderbird asks for it (or opens the provider’s sign-in',
    '// page) on the first connection.',
    '',
    ...lines([
      [ACCOUNTS_PREF, 'account1,account2'],
      ['mail.accountmanager.defaultaccount', 'account1'],
      ['mail.accountmanager.localfoldersserver', 'server2'],
    ]),
    '',
    ...lines([...groups.account, ...groups.server]),
    '',
    ...lines(groups.identity),
    '',
    ...lines([[SMTP_SERVERS_PREF, 'smtp1'], ['mail.smtp.defaultserver', 'smtp1'], ...groups.smtp]),
    '',
    ...lines([
      ['mail.account.account2.server', 'server2'],
      ['mail.server.server2.type', 'none'],
      ['mail.server.server2.hostname', 'Local Folders'],
      ['mail.server.server2.userName', 'nobody'],
      ['mail.server.server2.name', 'Local Folders'],
    ]),
    '',
  ].join('\n');
  return {
    files: [
      { filename: 'user.js', mediaType: 'text/javascript', content, usage: 'thunderbirdUserJs' },
    ],
    notes: thunderbirdSignInNotes(settings),
  };
}
