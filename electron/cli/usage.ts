/** The text of `mailsetup --help`. Kept in English: it is a developer/helpdesk tool's manual. */
export function usage(): string {
  return `mailsetup — find, test and explain the mail server settings for an address

Usage:
  mailsetup probe <host> [--port N]... [--dns IP[:PORT]] [--ca FILE]... [--timeout MS] [--json]
  mailsetup discover <address> [--dns IP[:PORT]] [--ca FILE]... [--ispdb URL] [--offline]
                  [--timeout MS] [--json]
  mailsetup check <address> [--password-stdin [--allow-insecure] [--from ADDRESS]
                  [--save-password]] [--export DIR [--format LIST] [--force] [--include-password]]
                  [--dns IP[:PORT]] [--ca FILE]... [--ispdb URL] [--offline] [--timeout MS] [--json]
  mailsetup export --settings FILE.json --out DIR [--format LIST] [--force]
                  [--include-password --password-stdin] [--lang en|de]

  --password-stdin    read the password from standard input (one line), then log in
  --allow-insecure    allow sending the password without TLS or with an invalid certificate
  --save-password     store the password in the system keychain after a working login
  --include-password  write the password into the exported files (the default leaves it out)
  --force             overwrite existing files in the export folder
  --ispdb URL         ask this ISPDB URL instead of Thunderbird's public one
  --offline           built-in provider knowledge only: nothing goes to the network

Export formats (LIST, comma-separated; default all): thunderbird, outlook, apple, sheet, report.

Exit codes: 0 done, 1 done with errors found, 2 bad usage or input, 3 could not run.
`;
}
