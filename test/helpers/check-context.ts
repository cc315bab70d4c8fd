/**
 * What the login-step tests hand `verifyCheckStep` (and the main process's check memory): a check
 * report that recommends two candidates on 127.0.0.1, and the CLI context of
 * `check anna@example.test` around it.
 */
import type { CheckContext } from '../../electron/cli/commands/check.ts';
import { createColours } from '../../electron/cli/colour.ts';
import type { CliIo } from '../../electron/cli/io.ts';
import { createTranslate } from '../../electron/cli/translate.ts';
import type { CheckReport } from '../../electron/engine/choose/check.ts';
import { parseAddress } from '../../shared/address.ts';
import type { Candidate, Endpoint, ProbeReport } from '../../shared/model.ts';

export const CHECK_ADDRESS = 'anna@example.test';

/** A candidate from autoconfig (trusted) or http autoconfig (untrusted). */
export function candidateOf(endpoint: Endpoint, trusted: boolean): Candidate {
  return { ...endpoint, auth: [], source: trusted ? 'autoconfig' : 'autoconfig-http', trusted };
}

/** A candidate on 127.0.0.1 with the full address as its user name. */
export function loopbackCandidate(
  protocol: Endpoint['protocol'],
  port: number,
  options: { security?: Endpoint['security']; trusted?: boolean } = {},
): Candidate {
  return candidateOf(
    {
      protocol,
      host: '127.0.0.1',
      port,
      security: options.security ?? 'tls',
      username: CHECK_ADDRESS,
    },
    options.trusted ?? true,
  );
}

/** A check report that found and recommends exactly these two candidates. */
export function recommending(
  incoming: Candidate,
  outgoing: Candidate,
  probes: ProbeReport[] = [],
): CheckReport {
  return {
    address: CHECK_ADDRESS,
    domain: 'example.test',
    sources: [],
    incoming: [incoming],
    outgoing: [outgoing],
    probes,
    findings: [],
    recommended: { incoming, outgoing, username: CHECK_ADDRESS },
  } as unknown as CheckReport;
}

/** The context of `check anna@example.test` with these option values, English, after the check. */
export function checkContext(
  io: CliIo,
  report: CheckReport,
  values: Record<string, unknown>,
): CheckContext {
  const address = parseAddress(CHECK_ADDRESS);
  if (!address.ok) throw new Error('test address');
  return {
    io,
    t: createTranslate('en'),
    colours: createColours(io.stdout, io.env),
    values,
    options: typeof values.timeout === 'string' ? { timeoutMs: Number(values.timeout) } : {},
    address: address.value,
    report,
    json: {},
    text: [],
    exit: 0,
  };
}
