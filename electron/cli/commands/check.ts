/**
 * `mailsetup check <address> [--dns ..] [--ca ..] [--ispdb URL] [--offline] [--timeout MS]
 * [--json]`: discovery, probes of every candidate host, findings and one recommended incoming and
 * outgoing endpoint. Live progress on a terminal, one JSON document with --json.
 * Exit codes: 0 done, 1 an error finding or no recommendation, 2 bad usage or address, 3 could not
 * run. Built as: parse options once, run the check, then the ordered follow-up STEPS (verify,
 * export, ... add theirs there), then print.
 */
import type { ParsedAddress } from '../../../shared/address.ts';
import {
  check,
  checkAddress,
  type CheckOptions,
  type CheckReport,
} from '../../engine/choose/check.ts';
import { parseAddress } from '../../../shared/address.ts';
import { loadImapFlow } from '../../engine/verify/imap-login.ts';
import { parseCommandArgs } from '../args.ts';
import { hostText, checkJson, recommendationText } from '../check-view.ts';
import { createColours, type Colours } from '../colour.ts';
import { DISCOVERY_OPTIONS, discoveryOptionsFrom, parseAddressArg } from '../discovery-options.ts';
import { candidatesText, SourcesView } from '../discovery-view.ts';
import { EXPORT_ARG_OPTIONS, exportCheckStep } from '../export-step.ts';
import { EXIT, type CliIo } from '../io.ts';
import { createTranslate, languageFromEnv, type Translate } from '../translate.ts';
import { VERIFY_ARG_OPTIONS, verifyCheckStep } from '../verify-step.ts';
import { exitCode as discoveryExit } from './discover.ts';
import { assertReadable, parseConcurrencyArg, runBatch } from '../batch.ts';
import { healthJson, healthText } from '../health-view.ts';
import { boundedProbeCache } from '../../engine/health/index.ts';
import { UsageError } from '../io.ts';
import { HEALTH_ARG_OPTIONS, healthDomainOf, parseSelectorArgs } from './health.ts';

export const CHECK_OPTIONS = {
  ...DISCOVERY_OPTIONS,
  ...VERIFY_ARG_OPTIONS,
  ...EXPORT_ARG_OPTIONS,
  ...HEALTH_ARG_OPTIONS,
  health: { type: 'boolean' },
} as const;

/** What the follow-up steps share and may extend. */
import type { CheckContext, CheckStep } from '../check-context.ts';

export type { CheckContext, CheckStep } from '../check-context.ts';

/** Follow-up steps, in order, after the check itself. */
export const STEPS: CheckStep[] = [verifyCheckStep, exportCheckStep];

export async function run(args: string[], io: CliIo): Promise<number> {
  const t = createTranslate(languageFromEnv(io.env));
  const { values, positionals } = parseCommandArgs(args, CHECK_OPTIONS, t);
  const options: CheckOptions = await discoveryOptionsFrom(values, t);
  const dkimSelectors = parseSelectorArgs(values['dkim-selector'], t);
  if (values.health) options.health = { dkimSelectors };
  if (values.batch !== undefined) return checkBatch(values, positionals, options, io, t);
  const address = parseAddressArg(positionals[0], t);
  const colours = createColours(io.stdout, io.env);
  // The login client loads while discovery and probing wait on the network.
  if (values['password-stdin'] === true) void loadImapFlow();
  const report = await runCheck(address, options, io, t, colours, values.json !== true);
  const context: CheckContext = {
    io,
    t,
    colours,
    values,
    options,
    address,
    report,
    json: {},
    text: [],
    exit: exitCode(report),
  };
  for (const step of STEPS) await step(context);
  // The steps may have refined the report (the login test puts the usernames that worked in).
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify({ ...checkJsonWithHealth(t, context.report), ...context.json }, null, 2)}\n`,
    );
  } else {
    io.stdout.write(recommendationText(t, context.report, colours));
    if (context.report.health) io.stdout.write(healthText(t, context.report.health, colours));
    for (const text of context.text) io.stdout.write(text);
  }
  return context.exit;
}

async function runCheck(
  address: ParsedAddress,
  options: CheckOptions,
  io: CliIo,
  t: Translate,
  colours: Colours,
  show: boolean,
): Promise<CheckReport> {
  const view = show ? new SourcesView(io, t, colours) : null;
  if (show)
    io.stdout.write(
      `${colours.bold(t('discovery:cli.heading', { address: address.display }))}\n\n`,
    );
  let probing = false;
  for await (const event of checkAddress(address, options)) {
    if (event.type === 'check-done') return event.report;
    if (!show) continue;
    if ('host' in event) {
      if (!probing) {
        probing = true;
        io.stdout.write(`\n${colours.bold(t('discovery:cli.probing'))}\n`);
      }
      if (event.type === 'done') io.stdout.write(hostText(t, event.report, colours));
      continue;
    }
    if (event.type === 'done') io.stdout.write(candidatesText(t, event.result, colours));
    else view?.onEvent(event);
  }
  throw new Error('check ended without a report');
}

export function exitCode(report: CheckReport): number {
  const discovery = discoveryExit(report);
  if (discovery === EXIT.failed) return EXIT.failed;
  const noRecommendation = !report.recommended.incoming && !report.recommended.outgoing;
  if (noRecommendation || report.findings.some((f) => f.severity === 'error')) return EXIT.findings;
  if (report.health?.findings.some((f) => f.severity === 'error')) return EXIT.findings;
  return EXIT.ok;
}

function checkJsonWithHealth(t: Translate, report: CheckReport): Record<string, unknown> {
  return {
    ...checkJson(t, report),
    ...(report.health ? { health: healthJson(t, report.health) } : {}),
  };
}

/** Options that act on one account and make no sense for a list. */
const SINGLE_ONLY = ['password-stdin', 'export', 'save-password', 'from'] as const;

/** `check --batch FILE`: one compact `check --json` object per line (a bare domain: postmaster@). */
async function checkBatch(
  values: Record<string, unknown>,
  positionals: string[],
  options: CheckOptions,
  io: CliIo,
  t: Translate,
): Promise<number> {
  const file = String(values.batch);
  if (positionals.length > 0) throw new UsageError(t('health:cli.batchWithArgument'));
  const single = SINGLE_ONLY.find((name) => values[name] !== undefined);
  if (single) throw new UsageError(t('health:cli.batchWithOption', { value: `--${single}` }));
  const concurrency = parseConcurrencyArg(values.concurrency as string | undefined, t);
  await assertReadable(file, t);
  const batchOptions: CheckOptions = options.health
    ? { ...options, health: { ...options.health, probeCache: boundedProbeCache() } }
    : options;
  const summary = await runBatch(file, concurrency, io, t, async (line) => {
    const domain = healthDomainOf(line);
    const parsed = parseAddress(line.includes('@') ? line : `postmaster@${domain ?? ''}`);
    if (!domain || !parsed.ok) {
      const message = t('health:cli.invalidTarget', { value: line });
      return { json: { input: line, error: 'invalid-target', message }, failed: true };
    }
    const report = await check(parsed.value, batchOptions);
    return {
      json: { input: line, ...checkJsonWithHealth(t, report) },
      failed: exitCode(report) !== EXIT.ok,
    };
  });
  return summary.failed > 0 ? EXIT.findings : EXIT.ok;
}
