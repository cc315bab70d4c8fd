/**
 * `mailsetup discover <address> [--dns IP[:PORT]] [--ca FILE] [--ispdb URL] [--offline]
 * [--timeout MS] [--json]`: asks every discovery source and shows what each found, live on a
 * terminal, or one JSON document. Exit codes: 0 settings found, 1 nothing found, 2 bad usage or
 * address, 3 could not run (every source failed).
 */
import { discoverSettings, type DiscoveryResult } from '../../engine/discover/index.ts';
import { parseCommandArgs } from '../args.ts';
import { createColours } from '../colour.ts';
import { DISCOVERY_OPTIONS, discoveryOptionsFrom, parseAddressArg } from '../discovery-options.ts';
import { candidatesText, discoveryJson, SourcesView } from '../discovery-view.ts';
import { EXIT, type CliIo } from '../io.ts';
import { createTranslate, languageFromEnv } from '../translate.ts';

export async function run(args: string[], io: CliIo): Promise<number> {
  const t = createTranslate(languageFromEnv(io.env));
  const { values, positionals } = parseCommandArgs(args, DISCOVERY_OPTIONS, t);
  const address = parseAddressArg(positionals[0], t);
  const options = await discoveryOptionsFrom(values, t);
  const colours = createColours(io.stdout, io.env);
  const view = values.json ? null : new SourcesView(io, t, colours);
  if (view)
    io.stdout.write(
      `${colours.bold(t('discovery:cli.heading', { address: address.display }))}\n\n`,
    );

  let result: DiscoveryResult | null = null;
  for await (const event of discoverSettings(address, options)) {
    if (event.type === 'done') result = event.result;
    view?.onEvent(event);
  }
  if (!result) return EXIT.failed;
  if (values.json) io.stdout.write(`${JSON.stringify(discoveryJson(result), null, 2)}\n`);
  else io.stdout.write(candidatesText(t, result, colours));
  return exitCode(result);
}

export function exitCode(result: DiscoveryResult): number {
  if (result.incoming.length + result.outgoing.length > 0) return EXIT.ok;
  // Guessing runs after the others found nothing and reports `none` even when no name resolved,
  // so it does not count: when SRV and MX failed too, the network (DNS) could not be used.
  const network = result.sources.filter((s) => s.source !== 'provider' && s.source !== 'guess');
  const allFailed = network.length > 0 && network.every((s) => s.outcome === 'error');
  return allFailed ? EXIT.failed : EXIT.findings;
}
