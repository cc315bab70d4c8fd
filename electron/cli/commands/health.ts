/**
 * `mailsetup health <address-or-domain> [--dkim-selector S]... [--provider ID] [--dns ..] [--ca ..]
 * [--timeout MS] [--json]` and `mailsetup health --batch FILE [--concurrency N]`: the domain's MX
 * (and each MX host's STARTTLS certificate on port 25), SPF, DKIM, DMARC, MTA-STS and TLS-RPT.
 * Exit codes as for check: 0 done, 1 an error finding, 2 bad usage or input, 3 could not run (no
 * DNS answer at all).
 */
import { parseAddress, toAsciiDomain } from '../../../shared/address.ts';
import type { HealthReport } from '../../../shared/health.ts';
import { findProviderById } from '../../../shared/providers/index.ts';
import {
  boundedProbeCache,
  checkDomainHealth,
  MAX_DKIM_SELECTORS,
  validSelector,
  type HealthOptions,
} from '../../engine/health/index.ts';
import { parseCommandArgs } from '../args.ts';
import { parseConcurrencyArg, runBatch, assertReadable } from '../batch.ts';
import { createColours } from '../colour.ts';
import { DISCOVERY_OPTIONS, discoveryOptionsFrom } from '../discovery-options.ts';
import { healthJson, healthText } from '../health-view.ts';
import { EXIT, UsageError, type CliIo } from '../io.ts';
import { createTranslate, languageFromEnv, type Translate } from '../translate.ts';

export const HEALTH_ARG_OPTIONS = {
  'dkim-selector': { type: 'string', multiple: true },
  batch: { type: 'string' },
  concurrency: { type: 'string' },
} as const;

export const HEALTH_COMMAND_OPTIONS = {
  dns: DISCOVERY_OPTIONS.dns,
  ca: DISCOVERY_OPTIONS.ca,
  timeout: DISCOVERY_OPTIONS.timeout,
  json: DISCOVERY_OPTIONS.json,
  provider: { type: 'string' },
  ...HEALTH_ARG_OPTIONS,
} as const;

/** The domain of an address or a bare domain; null when it is neither. */
export function healthDomainOf(text: string): string | null {
  const value = text.trim();
  if (value.includes('@')) {
    const parsed = parseAddress(value);
    return parsed.ok ? parsed.value.domain : null;
  }
  return toAsciiDomain(value);
}

export function parseSelectorArgs(values: readonly string[] | undefined, t: Translate): string[] {
  const selectors = values ?? [];
  for (const s of selectors) {
    if (!validSelector(s)) throw new UsageError(t('health:cli.invalidSelector', { value: s }));
  }
  return selectors.slice(0, MAX_DKIM_SELECTORS);
}

/** Whether the report shows that no DNS answer came at all (exit code 3). */
function couldNotRun(report: HealthReport): boolean {
  const failed = new Set(report.findings.map((f) => f.code));
  return (
    failed.has('mx-lookup-failed') &&
    failed.has('spf-lookup-failed') &&
    failed.has('dmarc-lookup-failed')
  );
}

export function healthExitCode(report: HealthReport): number {
  if (couldNotRun(report)) return EXIT.failed;
  return report.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const t = createTranslate(languageFromEnv(io.env));
  const { values, positionals } = parseCommandArgs(args, HEALTH_COMMAND_OPTIONS, t);
  const engine = await discoveryOptionsFrom(values, t);
  const dkimSelectors = parseSelectorArgs(values['dkim-selector'], t);
  if (values.provider !== undefined && !findProviderById(values.provider)) {
    throw new UsageError(t('health:cli.unknownProvider', { value: values.provider }));
  }
  const options: HealthOptions = {
    resolver: engine.resolver,
    ca: engine.ca,
    dkimSelectors,
    ...(engine.timeoutMs !== undefined ? { timeoutMs: engine.timeoutMs } : {}),
    ...(values.provider !== undefined ? { providerId: values.provider } : {}),
  };
  if (values.batch !== undefined) {
    if (positionals.length > 0) throw new UsageError(t('health:cli.batchWithArgument'));
    return healthBatch(values.batch, values.concurrency, options, io, t);
  }
  const target = positionals[0];
  if (target === undefined) throw new UsageError(t('discovery:cli.missingAddress'));
  const domain = healthDomainOf(target);
  if (!domain) throw new UsageError(t('health:cli.invalidTarget', { value: target }));
  const report = await checkDomainHealth(domain, options);
  if (values.json) io.stdout.write(`${JSON.stringify(healthJson(t, report), null, 2)}\n`);
  else io.stdout.write(healthText(t, report, createColours(io.stdout, io.env)));
  return healthExitCode(report);
}

async function healthBatch(
  file: string,
  concurrencyText: string | undefined,
  options: HealthOptions,
  io: CliIo,
  t: Translate,
): Promise<number> {
  const concurrency = parseConcurrencyArg(concurrencyText, t);
  await assertReadable(file, t);
  const probeCache = boundedProbeCache();
  const summary = await runBatch(file, concurrency, io, t, async (line) => {
    const domain = healthDomainOf(line);
    if (!domain) {
      return {
        json: {
          input: line,
          error: 'invalid-target',
          message: t('health:cli.invalidTarget', { value: line }),
        },
        failed: true,
      };
    }
    const report = await checkDomainHealth(domain, { ...options, probeCache });
    return {
      json: { input: line, ...healthJson(t, report) },
      failed: healthExitCode(report) !== EXIT.ok,
    };
  });
  return summary.failed > 0 ? EXIT.findings : EXIT.ok;
}
