/**
 * Outlook for Windows (classic) profile file, `outlook.prf`, applied with
 * `outlook.exe /importprf outlook.prf`. The seven-section OCT layout: [General], [Service List],
 * [Internet Account List], the (empty) MAPI service values, [Account1], the (empty) service
 * mapping, and the verbatim mapping block of the account type ([IMAP_I_Mail] or [I_Mail]) without
 * which Outlook ignores the account. No MAPI data-file service is added: Outlook then creates its
 * own store, which is the combination reported to bind the account reliably.
 *
 * The PRF has no password key and no STARTTLS setting for the incoming server (`...UseSSL` is
 * 0 or 1); SMTP knows 0 none, 1 SSL, 2 STARTTLS. Written with CRLF line endings and no BOM, in
 * Windows-1252 like the published samples (a UTF-8 BOM would become part of the first section
 * header; a public PRF generator refuses non-ASCII values). A value with a character Windows-1252
 * lacks is left out, and a note says which, rather than written as text Outlook may misread.
 */
import { dropUnsafeChars } from '../control-chars.ts';
import type { AccountSettings, Security } from '../model.ts';
import { preferImplicitTls } from './endpoint-choice.ts';
import type { Alternatives, ExportNote, ExportPart } from './types.ts';
import { fitsWindows1252, WINDOWS_1252_TEXT } from './windows-1252.ts';

/** PROP_SMTP_SECURE_CONNECTION: ENCRYPT_CONN_NO_SECURITY 0, _SSL 1, _TLS (STARTTLS) 2. */
const SMTP_SECURE: Record<Security, number> = { plain: 0, tls: 1, starttls: 2 };

/**
 * PROP_POP_LEAVE_ON_SERVER: LEAVE_ON_SERVER (0x1) | REMOVE_AFTER (0x2), days in the high word:
 * keep copies on the server, delete them after 14 days. Decimal, as profile integers are read.
 */
const LEAVE_ON_SERVER_14_DAYS = (14 << 16) | 0x3;

/** Mapping blocks as the Office Customization Tool writes them (section 7). */
const COMMON_MAPPING = [
  'AccountName=PT_UNICODE,0x0002',
  'DisplayName=PT_UNICODE,0x000B',
  'EmailAddress=PT_UNICODE,0x000C',
];
const SMTP_MAPPING = [
  'SMTPServer=PT_UNICODE,0x0200',
  'SMTPUseAuth=PT_LONG,0x0203',
  'SMTPAuthMethod=PT_LONG,0x0208',
  'SMTPUserName=PT_UNICODE,0x0204',
  'SMTPUseSPA=PT_LONG,0x0207',
  'ConnectionType=PT_LONG,0x000F',
  'ConnectionOID=PT_UNICODE,0x0010',
  'SMTPPort=PT_LONG,0x0201',
  'SMTPSecureConnection=PT_LONG,0x020A',
  'ServerTimeOut=PT_LONG,0x0209',
];
function mappingBlock(kind: 'IMAP' | 'POP3'): string[] {
  const p = kind;
  return [
    kind === 'IMAP' ? '[IMAP_I_Mail]' : '[I_Mail]',
    `AccountType=${kind}`,
    ...COMMON_MAPPING,
    `${p}Server=PT_UNICODE,0x0100`,
    `${p}UserName=PT_UNICODE,0x0101`,
    `${p}UseSPA=PT_LONG,0x0108`,
    'Organization=PT_UNICODE,0x0107',
    'ReplyEmailAddress=PT_UNICODE,0x0103',
    `${p}Port=PT_LONG,0x0104`,
    `${p}UseSSL=PT_LONG,0x0105`,
    ...SMTP_MAPPING,
    ...(kind === 'IMAP'
      ? ['CheckNewImap=PT_LONG,0x1100', 'RootFolder=PT_UNICODE,0x1101']
      : ['LeaveOnServer=PT_LONG,0x1000']),
  ];
}

/**
 * A value as Windows' profile-string reader returns it: one line, no control characters. Values
 * that start or end with a quote or a space, or contain `;`/`#` (comment marks for some INI
 * readers), are wrapped in double quotes, which the Windows reader strips again.
 */
export function prfValue(value: string | number): string {
  const line = dropUnsafeChars(String(value), true);
  return /^[\s"']|[\s"']$|[;#]/.test(line) ? `"${line}"` : line;
}

const banner = (n: number, title: string) => ['', `; ---- Section ${n} - ${title} ----`];

export function outlookPrf(settings: AccountSettings, alternatives: Alternatives = []): ExportPart {
  const notes: ExportNote[] = [];
  const chosen = preferImplicitTls(settings.incoming, alternatives, 'outlook');
  notes.push(...chosen.notes);
  const incoming = chosen.endpoint;
  const { outgoing, address } = settings;
  if (incoming.security === 'starttls') {
    notes.push({
      code: 'incoming-starttls-manual',
      severity: 'warning',
      format: 'outlook',
      params: { client: 'Outlook', host: incoming.host, port: incoming.port },
    });
  }
  const p = incoming.protocol === 'imap' ? 'IMAP' : 'POP3';
  const leftOut = new Set<string>();
  const kv = (key: string, value: string | number): string[] => {
    const text = prfValue(value);
    if (fitsWindows1252(text)) return [`${key}=${text}`];
    leftOut.add(String(value));
    return [];
  };
  const name = settings.displayName ?? '';
  const lines = [
    '; Outlook profile file made by Mail Setup Wizard: outlook.exe /importprf outlook.prf',
    '; Classic Outlook for Windows only. Outlook asks for the password on the first connection.',
    ...banner(1, 'Profile Defaults'),
    '[General]',
    'Custom=1',
    ...kv('ProfileName', address),
    'DefaultProfile=Yes',
    'OverwriteProfile=Append',
    'ModifyDefaultProfileIfPresent=FALSE',
    'BackupProfile=No',
    ...banner(2, 'Services in Profile'),
    '[Service List]',
    ...banner(3, 'List of Internet Accounts'),
    '[Internet Account List]',
    `Account1=${p === 'IMAP' ? 'IMAP_I_Mail' : 'I_Mail'}`,
    ...banner(4, 'Default values for each service'),
    '; No MAPI service: Outlook creates the data file for the new account itself.',
    ...banner(5, 'Values for each Internet Account'),
    '[Account1]',
    'UniqueService=No',
    ...kv('AccountName', address),
    ...kv('DisplayName', name),
    ...kv('EmailAddress', address),
    ...kv(`${p}Server`, incoming.host),
    ...kv(`${p}UserName`, incoming.username),
    ...kv(`${p}Port`, incoming.port),
    ...kv(`${p}UseSSL`, incoming.security === 'tls' ? 1 : 0),
    ...kv(`${p}UseSPA`, 0),
    ...kv('SMTPServer', outgoing.host),
    ...kv('SMTPPort', outgoing.port),
    ...kv('SMTPSecureConnection', SMTP_SECURE[outgoing.security]),
    ...kv('SMTPUseAuth', 1),
    ...(outgoing.username === incoming.username
      ? kv('SMTPAuthMethod', 0)
      : [...kv('SMTPAuthMethod', 1), ...kv('SMTPUserName', outgoing.username)]),
    ...kv('SMTPUseSPA', 0),
    ...kv('ConnectionType', 0),
    ...kv('ServerTimeOut', 60),
    ...(p === 'IMAP' ? kv('CheckNewImap', 1) : kv('LeaveOnServer', LEAVE_ON_SERVER_14_DAYS)),
    ...banner(6, 'Mapping for profile properties'),
    '; No MAPI service, so no service mapping.',
    ...banner(7, 'Mapping for Internet account properties (do not modify)'),
    ...mappingBlock(p),
    '',
  ];
  if (leftOut.size > 0) {
    notes.push({
      code: 'prf-values-left-out',
      severity: 'warning',
      format: 'outlook',
      params: { values: [...leftOut].map((value) => `"${value}"`).join(', ') },
    });
  }
  return {
    files: [
      {
        filename: 'outlook.prf',
        mediaType: WINDOWS_1252_TEXT,
        content: lines.join('\r\n'),
        usage: 'outlookPrf',
      },
    ],
    notes,
  };
}
