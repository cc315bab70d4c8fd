/** The text of `mailsetup --help`. Kept in English: it is a developer/helpdesk tool's manual. */
export function usage(): string {
  return `mailsetup — find, test and explain the mail server settings for an address

Usage:
  mailsetup probe <host> [--port N]... [--dns IP[:PORT]] [--ca FILE] [--timeout MS] [--json]
  mailsetup discover <address> [--dns IP[:PORT]] [--ca FILE] [--ispdb URL] [--offline] [--json]
  mailsetup check <address> [--password-stdin] [--allow-insecure] [--from ADDRESS]
                  [--export DIR [--format LIST] [--force] [--include-password]]
                  [--dns ..] [--ca ..] [--timeout MS] [--json]
  mailsetup export --settings FILE.json --out DIR [--format LIST] [--force]
                  [--include-password --password-stdin] [--lang en|de]

Export formats (LIST, comma-separated; default all): thunderbird, outlook, apple, sheet, report.

Exit codes: 0 done, 1 done with errors found, 2 bad usage or input, 3 could not run.
`;
}
