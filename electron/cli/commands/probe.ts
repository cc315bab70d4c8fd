/**
 * `mailsetup probe <host> [--port N]... [--dns IP[:PORT]] [--ca FILE] [--timeout MS] [--json]`:
 * probes the standard mail ports (plus any `--port`) of one host and shows a live table and the
 * findings, or one JSON document. Exit codes: 0 done, 1 error findings, 2 bad usage, 3 could not
 * run (the DNS server did not answer).
 */
import { STANDARD_PORTS } from '../../../shared/model.ts';
import type { ProbeReport } from '../../../shared/model.ts';
import { drain } from '../../engine/async-flow.ts';
import { createResolver } from '../../engine/net/resolver.ts';
import { probeHost, type ProbeOptions } from '../../engine/probe/index.ts';
import {
  parseCommandArgs,
  parseDnsArg,
  parseHostArg,
  parsePortArg,
  parseTimeoutArg,
  readCaFiles,
} from '../args.ts';
import { createColours } from '../colour.ts';
import { EXIT, type CliIo } from '../io.ts';
import { findingsText, pendingCells, portCells, probeColumns, probeJson } from '../probe-view.ts';
import { LiveTable } from '../table.ts';
import { createTranslate, languageFromEnv, type Translate } from '../translate.ts';

/** DNS answers that mean "this name does not exist", as opposed to "DNS did not work". */
const NAME_ERRORS = new Set(['ENOTFOUND', 'ENODATA', 'EINVAL']);

export async function run(args: string[], io: CliIo): Promise<number> {
  const t = createTranslate(languageFromEnv(io.env));
  const { values, positionals } = parseCommandArgs(
    args,
    {
      port: { type: 'string', multiple: true },
      dns: { type: 'string' },
      ca: { type: 'string', multiple: true },
      timeout: { type: 'string' },
      json: { type: 'boolean' },
    },
    t,
  );
  const host = parseHostArg(positionals[0], t);
  const extraPorts = (values.port ?? []).map((text) => parsePortArg(text, t));
  const timeoutMs = parseTimeoutArg(values.timeout, t);
  const dns = parseDnsArg(values.dns, t);
  const ca = await readCaFiles(values.ca ?? [], t);

  const options: ProbeOptions = {
    ports: [...STANDARD_PORTS.map((p) => p.port), ...extraPorts],
    resolver: createResolver({ server: dns, timeoutMs }),
    ca,
    timeoutMs,
  };
  const report = values.json
    ? await drain(probeHost(host, options))
    : await runTable(host, options, io, t);
  if (values.json) io.stdout.write(`${JSON.stringify(probeJson(t, report), null, 2)}\n`);
  return exitCode(report, io, t);
}

function exitCode(report: ProbeReport, io: CliIo, t: Translate): number {
  const unresolved = report.findings.find((f) => f.code === 'host-unresolved');
  const reason = String(unresolved?.params?.reason ?? '');
  if (unresolved && !NAME_ERRORS.has(reason)) {
    io.stderr.write(`mailsetup probe: ${t('cli:errors.dnsFailed', { reason })}\n`);
    return EXIT.failed;
  }
  return report.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}

async function runTable(
  host: string,
  options: ProbeOptions,
  io: CliIo,
  t: Translate,
): Promise<ProbeReport> {
  const colours = createColours(io.stdout, io.env);
  const live = io.stdout.isTTY === true;
  let table: LiveTable | null = null;
  const report = await drain(probeHost(host, options), (event) => {
    if (event.type === 'resolved') {
      io.stdout.write(
        `${colours.bold(t('cli:probe.heading', { host, addresses: event.addresses.join(', ') }))}\n\n`,
      );
      const rows = (options.ports ?? []).map((p) => String(typeof p === 'number' ? p : p.port));
      table = new LiveTable(io.stdout, probeColumns(t), [...new Set(rows)], {
        live,
        header: colours.bold,
      });
      table.drawPending((row) => pendingCells(t, row, colours));
    } else if (event.type === 'port' && table) {
      table.update(String(event.result.port), portCells(t, event.result, colours));
    }
  });
  if (table) io.stdout.write('\n');
  io.stdout.write(findingsText(t, report, colours));
  return report;
}
