/**
 * Thunderbird `user.js` for a fresh profile: one complete account (incoming server, identity, SMTP
 * server) plus Local Folders, written with the pref names and numeric values Thunderbird itself
 * reads (socketType/try_ssl 0/2/3, authMethod 3 password, 4 encrypted password, 10 OAuth2 for
 * the hosts Thunderbird has an OAuth2 issuer for, `userName` for incoming but `username` for SMTP).
 * Thunderbird keeps passwords in its login manager, never in prefs, so none is written. Thunderbird
 * re-applies user.js on every start: the import instructions say to remove it after the first.
 */
import type { AccountSettings, Security } from '../model.ts';
import { thunderbirdAuthMethod, thunderbirdSignInNotes } from './login-method.ts';
import type { ExportPart } from './types.ts';

/** nsMsgSocketType: 0 plain, 2 alwaysSTARTTLS, 3 SSL. 1 (trySTARTTLS) no longer exists. */
const SOCKET_TYPE: Record<Security, number> = { plain: 0, starttls: 2, tls: 3 };

/**
 * A JavaScript string literal the Mozilla pref parser reads back exactly: quotes, backslashes and
 * control characters escaped, everything else as UTF-8 text.
 */
export function prefString(value: string): string {
  const escaped = value.replace(
    // eslint-disable-next-line no-control-regex
    /["\\\u0000-\u001F\u007F\u2028\u2029]/g,
    (ch) => {
      if (ch === '"' || ch === '\\') return `\\${ch}`;
      if (ch === '\n') return '\\n';
      if (ch === '\r') return '\\r';
      return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    },
  );
  return `"${escaped}"`;
}

function pref(name: string, value: string | number | boolean): string {
  const literal = typeof value === 'string' ? prefString(value) : String(value);
  return `user_pref(${prefString(name)}, ${literal});`;
}

export function thunderbirdUserJs(settings: AccountSettings): ExportPart {
  const { incoming, outgoing, address } = settings;
  const lines = [
    '// Mail Setup Wizard: one mail account for a new Thunderbird profile.',
    '// Put this file into an empty profile folder, start Thunderbird once, then delete it:',
    '// Thunderbird applies user.js at every start and would undo later changes.',
    "// No password is stored here; Thunderbird asks for it (or opens the provider's sign-in page)",
    '// on the first connection.',
    '',
    pref('mail.accountmanager.accounts', 'account1,account2'),
    pref('mail.accountmanager.defaultaccount', 'account1'),
    pref('mail.accountmanager.localfoldersserver', 'server2'),
    '',
    pref('mail.account.account1.server', 'server1'),
    pref('mail.account.account1.identities', 'id1'),
    pref('mail.server.server1.type', incoming.protocol),
    pref('mail.server.server1.hostname', incoming.host),
    pref('mail.server.server1.port', incoming.port),
    pref('mail.server.server1.socketType', SOCKET_TYPE[incoming.security]),
    pref('mail.server.server1.authMethod', thunderbirdAuthMethod(incoming)),
    pref('mail.server.server1.userName', incoming.username),
    pref('mail.server.server1.name', address),
    pref('mail.server.server1.login_at_startup', true),
    ...(incoming.protocol === 'pop3' ? [pref('mail.server.server1.leave_on_server', true)] : []),
    '',
    pref('mail.identity.id1.useremail', address),
    pref('mail.identity.id1.fullName', settings.displayName ?? ''),
    pref('mail.identity.id1.smtpServer', 'smtp1'),
    pref('mail.identity.id1.valid', true),
    '',
    pref('mail.smtpservers', 'smtp1'),
    pref('mail.smtp.defaultserver', 'smtp1'),
    pref('mail.smtpserver.smtp1.hostname', outgoing.host),
    pref('mail.smtpserver.smtp1.port', outgoing.port),
    pref('mail.smtpserver.smtp1.try_ssl', SOCKET_TYPE[outgoing.security]),
    pref('mail.smtpserver.smtp1.authMethod', thunderbirdAuthMethod(outgoing)),
    pref('mail.smtpserver.smtp1.username', outgoing.username),
    pref('mail.smtpserver.smtp1.description', address),
    '',
    pref('mail.account.account2.server', 'server2'),
    pref('mail.server.server2.type', 'none'),
    pref('mail.server.server2.hostname', 'Local Folders'),
    pref('mail.server.server2.userName', 'nobody'),
    pref('mail.server.server2.name', 'Local Folders'),
    '',
  ];
  return {
    files: [{ filename: 'user.js', mediaType: 'text/javascript', content: lines.join('\n') }],
    notes: thunderbirdSignInNotes(settings),
  };
}
