/**
 * `mailsetup add thunderbird --settings FILE.json [--profile DIR] [--json]`: puts the account into
 * an existing Thunderbird profile (the default one unless `--profile` names a folder), exactly as
 * the app's "Add to Thunderbird" does. The settings file is the one `mailsetup export` takes; a
 * password in it is never written (Thunderbird asks for it).
 *
 * Exit codes: 0 added or already there, 1 not added because the person must act first
 * (Thunderbird is open, a user.js would undo it), 2 bad usage or settings file or profile folder,
 * 3 could not run (no profile, prefs.js unreadable, writing failed).
 */
import type { FinishCode } from '../../../shared/finish.ts';
import { addToThunderbird } from '../../engine/finish/index.ts';
import { parseCommandArgs } from '../args.ts';
import { EXIT, UsageError, type CliIo } from '../io.ts';
import { readSettingsFile } from '../settings-file.ts';
import { createTranslate, languageFromEnv } from '../translate.ts';

export const ADD_COMMAND_OPTIONS = {
  settings: { type: 'string' },
  profile: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

const PROGRAMS = ['thunderbird'] as const;

/** The exit code of each refusal. */
const EXIT_OF: Record<FinishCode, number> = {
  'thunderbird-running': EXIT.findings,
  'thunderbird-userjs-conflict': EXIT.findings,
  'thunderbird-profile-unknown': EXIT.usage,
  'thunderbird-no-profile': EXIT.failed,
  'thunderbird-prefs-unreadable': EXIT.failed,
  'thunderbird-write-failed': EXIT.failed,
  'outlook-unsupported-platform': EXIT.failed,
  'outlook-not-found': EXIT.failed,
  'outlook-running': EXIT.findings,
  'outlook-add-by-address': EXIT.findings,
  'outlook-start-failed': EXIT.failed,
  'apple-unsupported-platform': EXIT.failed,
  'apple-open-failed': EXIT.failed,
};

export async function run(args: string[], io: CliIo): Promise<number> {
  const t = createTranslate(languageFromEnv(io.env));
  const { values, positionals } = parseCommandArgs(args, ADD_COMMAND_OPTIONS, t, 1);
  const program = positionals[0];
  if (!program) throw new UsageError(t('finish:cli.missingProgram'));
  if (!(PROGRAMS as readonly string[]).includes(program)) {
    throw new UsageError(t('finish:cli.unknownProgram', { value: program }));
  }
  if (!values.settings) throw new UsageError(t('export:cli.missingSettings'));
  const read = await readSettingsFile(values.settings, t);
  if (!read.ok) {
    io.stderr.write(`mailsetup add: ${read.message}\n`);
    return EXIT.usage;
  }
  const { password: _unused, ...settings } = read.settings;
  const result = await addToThunderbird(
    settings,
    values.profile ? { profilePath: values.profile } : {},
  );
  if (values.json) {
    const document = result.ok
      ? { ok: true, ...result.value }
      : { ok: false, code: result.code, message: t(`finish:codes.${result.code}`) };
    io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    return result.ok ? EXIT.ok : EXIT_OF[result.code];
  }
  if (!result.ok) {
    const message =
      result.code === 'thunderbird-no-profile'
        ? t('finish:cli.noProfile')
        : t(`finish:codes.${result.code}`);
    io.stderr.write(`mailsetup add: ${message}\n`);
    return EXIT_OF[result.code];
  }
  const { status, profilePath, accountKey, backupPath } = result.value;
  const params = { address: settings.address, profile: profilePath, account: accountKey };
  const lines =
    status === 'added'
      ? [
          t('finish:cli.added', params),
          ...(backupPath ? [t('finish:cli.backup', { path: backupPath })] : []),
          t('finish:cli.nextStep'),
        ]
      : [t('finish:cli.alreadyPresent', params)];
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
