/**
 * Logging in through an independent client (Python's imaplib/poplib/smtplib, see
 * `mail-login.py`), for tests that prove settings written for a mail program really log in.
 * The password goes to the child on standard input only.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./mail-login.py', import.meta.url));
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

export interface LoginEndpoint {
  protocol: 'imap' | 'pop3' | 'smtp';
  host: string;
  port: number;
  /** Thunderbird's socketType: 0 plain, 2 STARTTLS, 3 SSL/TLS. */
  socketType: number;
  username: string;
}

export interface LoginResult {
  protocol: string;
  ok: boolean;
  error?: string;
}

export function independentLogin(request: {
  ca: string;
  addresses: Record<string, string>;
  password: string;
  endpoints: LoginEndpoint[];
}): Promise<LoginResult[]> {
  return new Promise((done, fail) => {
    const child = execFile(PYTHON, [SCRIPT], { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) return fail(new Error(`${error.message}\n${stderr}`));
      try {
        done((JSON.parse(stdout) as { results: LoginResult[] }).results);
      } catch (parseError) {
        fail(parseError instanceof Error ? parseError : new Error(String(parseError)));
      }
    });
    child.stdin?.end(JSON.stringify(request));
  });
}
