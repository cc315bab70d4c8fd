/**
 * `mailsetup export --settings FILE.json --out DIR [--format LIST] [--force]
 *  [--include-password --password-stdin] [--lang en|de]`: client profiles from a settings file
 * (the `recommended` part of `check --json`, the whole `check --json` output, or written by hand).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { validateSettings } from '../../../shared/export/index.ts';
import { LANGUAGES, type Language } from '../../../shared/i18n/index.ts';
import { EXIT, UsageError, type CliIo } from '../io.ts';
import {
  languageFromEnv,
  parseFormats,
  readPasswordFromStdin,
  runExportStep,
  translatorFor,
} from '../export-step.ts';

const MAX_SETTINGS_BYTES = 1024 * 1024;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      settings: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      force: { type: 'boolean', default: false },
      'include-password': { type: 'boolean', default: false },
      'password-stdin': { type: 'boolean', default: false },
      lang: { type: 'string' },
    },
  });
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  if (!values.settings) throw new UsageError('--settings FILE.json is required');
  if (!values.out) throw new UsageError('--out DIR is required');
  if (values.lang && !(LANGUAGES as readonly string[]).includes(values.lang)) {
    throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}`);
  }
  const language = (values.lang as Language | undefined) ?? languageFromEnv(io.env);
  const t = translatorFor(language);
  const formats = parseFormats(values.format, t);
  if (values['include-password'] && !values['password-stdin']) {
    throw new UsageError(t('export:cli.passwordNeedsStdin'));
  }

  const path = values.settings;
  let text: string;
  try {
    const buffer = await readFile(path);
    if (buffer.length > MAX_SETTINGS_BYTES)
      throw new Error(`larger than ${MAX_SETTINGS_BYTES} bytes`);
    text = buffer.toString('utf8');
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      `mailsetup export: ${t('export:settingsErrors.unreadable', { path, detail })}\n`,
    );
    return EXIT.usage;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`mailsetup export: ${t('export:settingsErrors.not-json', { path, detail })}\n`);
    return EXIT.usage;
  }
  const result = validateSettings(json);
  if (!result.ok) {
    const { field, code, expected } = result.error;
    io.stderr.write(
      `mailsetup export: ${t(`export:settingsErrors.${code}`, { field, expected })}\n`,
    );
    return EXIT.usage;
  }
  // A password in the settings file is used only with --include-password, and then only the one
  // typed on standard input: files lying around should not carry it into a profile.
  const settings = { ...result.settings };
  delete settings.password;
  if (values['password-stdin']) {
    const password = await readPasswordFromStdin(io.stdin);
    if (!password) {
      io.stderr.write(`mailsetup export: ${t('export:cli.noPasswordGiven')}\n`);
      return EXIT.usage;
    }
    settings.password = password;
  }
  return runExportStep(
    {
      settings,
      dir: values.out,
      formats,
      force: values.force,
      includePassword: values['include-password'],
      language,
    },
    io,
  );
}
