/**
 * `mailsetup export --settings FILE.json --out DIR [--format LIST] [--force]
 *  [--include-password --password-stdin] [--lang en|de]`: client profiles from a settings file
 * (the `recommended` part of `check --json`, the whole `check --json` output, or written by hand).
 */
import { LANGUAGES, type Language } from '../../../shared/i18n/index.ts';
import { parseCommandArgs } from '../args.ts';
import { readSettingsFile } from '../settings-file.ts';
import { EXIT, UsageError, type CliIo } from '../io.ts';
import { exportText, exportToDir, parseFormats, passwordWarning } from '../export-step.ts';
import { readPasswordFromStdin } from '../password-input.ts';
import { createTranslate, languageFromEnv } from '../translate.ts';

export const EXPORT_COMMAND_OPTIONS = {
  settings: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  force: { type: 'boolean', default: false },
  'include-password': { type: 'boolean', default: false },
  'password-stdin': { type: 'boolean', default: false },
  lang: { type: 'string' },
} as const;

export async function run(args: string[], io: CliIo): Promise<number> {
  const envT = createTranslate(languageFromEnv(io.env));
  const { values } = parseCommandArgs(args, EXPORT_COMMAND_OPTIONS, envT, 0);
  if (values.lang !== undefined && !(LANGUAGES as readonly string[]).includes(values.lang)) {
    throw new UsageError(envT('export:cli.badLanguage', { languages: LANGUAGES.join(', ') }));
  }
  const language = (values.lang as Language | undefined) ?? languageFromEnv(io.env);
  const t = createTranslate(language);
  if (!values.settings) throw new UsageError(t('export:cli.missingSettings'));
  if (!values.out) throw new UsageError(t('export:cli.missingOut'));
  const formats = parseFormats(values.format, t);
  if (values['include-password'] && !values['password-stdin']) {
    throw new UsageError(t('export:cli.passwordNeedsStdin'));
  }

  const read = await readSettingsFile(values.settings, t);
  if (!read.ok) {
    io.stderr.write(`mailsetup export: ${read.message}\n`);
    return EXIT.usage;
  }
  // A password in the settings file is used only with --include-password, and then only the one
  // typed on standard input: files lying around should not carry it into a profile.
  const settings = { ...read.settings };
  delete settings.password;
  if (values['password-stdin']) {
    const password = await readPasswordFromStdin(io.stdin, t);
    if (!password) {
      io.stderr.write(`mailsetup export: ${t('export:cli.noPasswordGiven')}\n`);
      return EXIT.usage;
    }
    settings.password = password;
  }
  const outcome = await exportToDir(
    {
      settings,
      dir: values.out,
      formats,
      force: values.force,
      includePassword: values['include-password'],
    },
    t,
    language,
  );
  if (!outcome.ok) {
    io.stderr.write(`mailsetup export: ${outcome.message}\n`);
    return outcome.code === 'exists' ? EXIT.usage : EXIT.failed;
  }
  io.stdout.write(exportText(outcome, t));
  const warning = passwordWarning(outcome, t);
  if (warning) io.stderr.write(`\n${warning}`);
  return EXIT.ok;
}
