/**
 * `mailsetup`: the engine from a shell. This file only dispatches; each command lives in
 * `commands/<name>.ts` and is loaded on demand so `mailsetup --help` starts fast.
 */
import { EXIT, UsageError, processIo, type CliIo } from './io.ts';
import { usage } from './usage.ts';

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, () => Promise<{ run: Command }>> = {
  probe: () => import('./commands/probe.ts'),
  discover: () => import('./commands/discover.ts'),
  check: () => import('./commands/check.ts'),
  export: () => import('./commands/export.ts'),
  add: () => import('./commands/add.ts'),
};

/**
 * This package's version, from its package.json: two folders up from the sources
 * (electron/cli/) and from the bundle (out/cli/) alike.
 */
async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
  return String((JSON.parse(text) as { version?: unknown }).version);
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`${await version()}\n`);
    return EXIT.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    // Loaded only here, so that --help and the commands do not pay for it up front.
    const { createTranslate, languageFromEnv } = await import('./translate.ts');
    const t = createTranslate(languageFromEnv(io.env));
    io.stderr.write(`mailsetup: ${t('cli:errors.unknownCommand', { value: name })}\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(usage(name));
    return EXIT.ok;
  }
  try {
    const command = await load();
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`mailsetup ${name}: ${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr.write(
      `mailsetup ${name}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT.failed;
  }
}
