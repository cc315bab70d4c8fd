/**
 * The text of `mailsetup --help` and of `mailsetup <command> --help`. Kept in English: it is a
 * developer/helpdesk tool's manual.
 */

const INDENT = '                  ';

/** Each command's synopsis; continuation lines are indented by INDENT. */
const SYNOPSES: Record<string, string> = {
  probe: `  mailsetup probe <host> [--port N]... [--dns IP[:PORT]] [--ca FILE]... [--timeout MS] [--json]`,
  discover: `  mailsetup discover <address> [--dns IP[:PORT]] [--ca FILE]... [--ispdb URL] [--offline]
${INDENT}[--timeout MS] [--json]`,
  check: `  mailsetup check <address> [--password-stdin [--allow-insecure] [--from ADDRESS]
${INDENT}[--save-password]] [--export DIR [--format LIST] [--force] [--include-password]]
${INDENT}[--dns IP[:PORT]] [--ca FILE]... [--ispdb URL] [--offline] [--timeout MS] [--json]`,
  export: `  mailsetup export --settings FILE.json --out DIR [--format LIST] [--force]
${INDENT}[--include-password --password-stdin] [--lang en|de]`,
  add: `  mailsetup add thunderbird --settings FILE.json [--profile DIR] [--json]`,
};

/** One line per option: its name (as written in a synopsis) and what it does. */
const OPTIONS: Array<[string, string]> = [
  ['--port N', 'also probe this port (repeatable)'],
  ['--dns IP[:PORT]', "ask this DNS server instead of the system's resolver"],
  ['--ca FILE', 'trust this CA certificate (PEM) as well (repeatable)'],
  ['--timeout MS', 'per network step, default 10000 (check: each login attempt, default 20000)'],
  ['--json', 'print one JSON document instead of tables'],
  ['--password-stdin', 'read the password from standard input (one line)'],
  [
    '--allow-insecure',
    'consent: password without TLS, to a bad certificate or an untrusted source',
  ],
  ['--from ADDRESS', 'check that the SMTP server lets you send as this address'],
  ['--save-password', 'store the password in the system keychain after a working login'],
  ['--export DIR', 'write client profiles into this folder'],
  ['--settings FILE.json', 'the account settings (check --json output, or written by hand)'],
  ['--profile DIR', "the Thunderbird profile folder (default: Thunderbird's default profile)"],
  ['--out DIR', 'write the files into this folder'],
  ['--format LIST', 'which files to write (see below)'],
  ['--include-password', 'write the password into the exported files (the default leaves it out)'],
  ['--force', 'overwrite existing files in the export folder'],
  ['--lang en|de', 'the language of the exported files (default: from the environment)'],
  ['--ispdb URL', "ask this ISPDB URL instead of Thunderbird's public one"],
  ['--offline', 'built-in provider knowledge only: no discovery request, no probe'],
];

const PINNING =
  '--allow-insecure pins certificates: a server whose certificate fails validation gets the\n' +
  "password only if it presents the very certificate the check's probe saw there (SHA-256);\n" +
  'another certificate is cert-invalid and nothing is sent. With --offline (no probe) the\n' +
  'consent accepts any certificate on the recommended hosts.';

const FORMATS =
  'Export formats (LIST, comma-separated; default all): thunderbird, outlook, apple, sheet, report.';

const EXIT_CODES: Record<string, string> = {
  probe: 'Exit codes: 0 done, 1 done with errors found, 2 bad usage or input, 3 could not run.',
  discover:
    'Exit codes: 0 settings found, 1 nothing found, 2 bad usage or address, 3 every network source failed.',
  check:
    'Exit codes: 0 done, 1 errors found, nothing to recommend or a failed login, 2 bad usage or\naddress, 3 could not run.',
  export:
    'Exit codes: 0 written, 2 bad usage, a bad settings file or a file that exists already,\n3 could not write.',
  add:
    'Exit codes: 0 added or already there, 1 not added: close Thunderbird (or remove a user.js\n' +
    'that sets the account lists) and run again, 2 bad usage, settings file or profile folder,\n' +
    '3 could not run (no profile found, prefs.js unreadable, writing failed).',
};

function optionLines(synopsis: string): string {
  const width = Math.max(...OPTIONS.map(([name]) => name.length)) + 2;
  return OPTIONS.filter(([name]) => synopsis.includes(`[${name}`) || synopsis.includes(` ${name}`))
    .map(([name, text]) => `  ${name.padEnd(width)}${text}`)
    .join('\n');
}

/** The whole manual, or (given a known command) that command's part of it. */
export function usage(command?: string): string {
  const own = command === undefined ? undefined : SYNOPSES[command];
  const synopses = own ?? Object.values(SYNOPSES).join('\n');
  const parts = [
    'mailsetup — find, test and explain the mail server settings for an address',
    `Usage:\n${synopses}\n\n${optionLines(synopses)}`,
  ];
  if (synopses.includes('--allow-insecure')) parts.push(PINNING);
  if (synopses.includes('--format')) parts.push(FORMATS);
  const ownExit = own === undefined || command === undefined ? undefined : EXIT_CODES[command];
  parts.push(
    ownExit ??
      'Exit codes: 0 done, 1 done with errors found, 2 bad usage or input, 3 could not run.\n' +
        "Each command's own: mailsetup <command> --help.",
  );
  return `${parts.join('\n\n')}\n`;
}
