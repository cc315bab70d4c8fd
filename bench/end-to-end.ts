/**
 * Benchmark 4: `mailsetup check` end to end (discovery, probes of every candidate host, and the
 * login check when a password is given on stdin) for lab domains that discovery reaches in
 * different ways: autoconfig and MX (good.test), SRV records only, an MX at a known provider
 * (mailbox.org; Runbox with its `local%domain` user name), and an MX at an unknown hoster (with
 * the one consent that names it).
 * Each run is a new process, so the times include Node's start-up.
 */
import { LAB_CUSTOMERS, LAB_DOMAINS, LAB_USERS } from '../test/lab/topology.ts';
import {
  median,
  ms,
  row,
  runCli,
  type BenchContext,
  type BenchResult,
  type Row,
} from './harness.ts';

const NAME = '4 end to end';
const TARGET_MS = 2000;

interface Case {
  label: string;
  address: string;
  password: string;
  /** More arguments (a consent). */
  args?: string[];
}

/** bob logs in with his local part, which the username variants try after the full address. */
const CASES: Case[] = [
  { label: 'normal', address: LAB_USERS.alice.address, password: LAB_USERS.alice.password },
  { label: 'SRV only', address: `bob@${LAB_DOMAINS.srvOnly}`, password: LAB_USERS.bob.password },
  { label: 'MX at mailbox.org', ...LAB_CUSTOMERS.mailboxOrg },
  { label: 'MX at Runbox', ...LAB_CUSTOMERS.runbox },
  {
    label: 'MX at an unknown hoster',
    ...LAB_CUSTOMERS.unknownHoster,
    args: ['--accept-source', 'hoster.test'],
  },
];

interface CheckJson {
  recommended?: { incoming?: { host: string; port: number } | null } | null;
  [key: string]: unknown;
}

interface LoginJson {
  ok?: boolean;
  reason?: string;
  username?: string;
  ms?: number;
}

/** What the login check found per direction, with its own time (from the CLI's JSON). */
function verifySummary(json: CheckJson): string {
  const verification = json.verification as Record<string, LoginJson | null> | undefined;
  if (!verification) return 'no verification in the output';
  const parts = Object.entries(verification).map(([direction, login]) => {
    if (!login) return `${direction} not verified`;
    const outcome = login.ok ? `ok as ${login.username ?? '?'}` : (login.reason ?? 'failed');
    return `${direction} ${outcome} (${login.ms ?? '?'} ms)`;
  });
  return `login check: ${parts.join(', ')}`;
}

/** How many logins were refused, and how long they took together. */
function refusedLogins(json: CheckJson): { count: number; ms: number } {
  const logins = Object.values((json.verification ?? {}) as Record<string, LoginJson | null>);
  const refused = logins.filter((l): l is LoginJson => !!l && l.ok === false);
  return { count: refused.length, ms: refused.reduce((sum, l) => sum + (l.ms ?? 0), 0) };
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const c of CASES) {
    const times: number[] = [];
    let last: CheckJson = {};
    for (let i = 0; i < ctx.runs; i++) {
      const result = await runCli(
        ctx.lab,
        ['check', c.address, '--password-stdin', '--json', ...(c.args ?? [])],
        {
          input: `${c.password}\n`,
          timeoutMs: 60_000,
        },
      );
      if (result.code === 2 || result.code === 3 || result.code === null) {
        throw new Error(
          `mailsetup check ${c.address} exited ${result.code}: ${result.stderr.trim()}`,
        );
      }
      times.push(result.ms);
      last = JSON.parse(result.stdout) as CheckJson;
    }
    const wall = median(times);
    rows.push(
      row(NAME, `mailsetup check ${c.address} (${c.label})`, ms(wall), '< 2 s', wall < TARGET_MS),
    );
    const incoming = last.recommended?.incoming;
    notes.push(
      `End to end, ${c.label}: recommended ${incoming ? `${incoming.host}:${incoming.port}` : 'nothing'}; ` +
        `${verifySummary(last)}.`,
    );
    const refused = refusedLogins(last);
    if (wall >= TARGET_MS && refused.count > 0) {
      notes.push(
        `End to end, ${c.label}, what limits it: ${refused.count} refused login(s) took ` +
          `${ms(refused.ms)} of the run. Debian's Dovecot 2.3 answers a refused login only at its ` +
          'next 500 ms failure check, even with auth_failure_delay = 0, and Postfix asks Dovecot ' +
          "for SMTP AUTH. The lab has no user for this domain in the provider's username form, " +
          'so this case always ends in refused logins.',
      );
    }
  }
  notes.push(
    'End to end: `mailsetup check <address> --password-stdin --json` with the lab DNS and CA, a new ' +
      'process per run (Node start-up and module loading included). The ISPDB source asks the ' +
      "public ISPDB's name, which the lab DNS refuses at once.",
  );
  return { rows, notes };
}
