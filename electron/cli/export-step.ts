/**
 * The export step of the CLI (`mailsetup export`, `mailsetup check --export DIR`): runs the pure
 * exporters, writes the files into a folder, refuses to replace existing files unless `--force`,
 * and words how to use each file and what to check by hand, in the person's language. Writing and
 * wording are apart so that `check --json` keeps standard output for its JSON document.
 * (The password comes from password-input.ts, read once per run for both steps.)
 */
import { lstat, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  exportFormats,
  FORMATS,
  type CheckReportInput,
  type ExportFile,
  type ExportFormat,
  type ExportNote,
  type GuidanceInput,
  type VerificationInput,
} from '../../shared/export/index.ts';
import { usageKey } from '../../shared/export/usage.ts';
import { exportFileBytes } from '../../shared/export/windows-1252.ts';
import type { Language } from '../../shared/i18n/index.ts';
import type { AccountSettings } from '../../shared/model.ts';
import { writeFileAtomically } from '../engine/files/atomic-write.ts';
import { guidanceAfterLogin, leadingFailure } from '../../shared/providers/guidance.ts';
import { findProviderById } from '../../shared/providers/index.ts';
import { endpointOf, type CheckContext } from './check-context.ts';
import { EXIT, UsageError } from './io.ts';
import { languageFromEnv, type Translate } from './translate.ts';
import { sharedPassword } from './password-input.ts';

export interface ExportStepInput {
  settings: AccountSettings;
  dir: string;
  formats?: readonly ExportFormat[];
  force?: boolean;
  includePassword?: boolean;
  check?: CheckReportInput;
  verification?: VerificationInput;
  guidance?: readonly GuidanceInput[];
  now?: Date;
}

export type ExportOutcome =
  | { ok: true; dir: string; files: Array<ExportFile & { path: string }>; notes: ExportNote[] }
  | { ok: false; code: 'exists' | 'write-failed'; message: string };

/** Parses `--format thunderbird,apple`; all formats when absent. */
export function parseFormats(list: string | undefined, t: Translate): ExportFormat[] {
  if (list === undefined) return [...FORMATS];
  const names = list
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.find((name) => !(FORMATS as readonly string[]).includes(name));
  if (unknown !== undefined || names.length === 0) {
    throw new UsageError(
      t('export:cli.unknownFormat', { format: unknown ?? list, formats: FORMATS.join(', ') }),
    );
  }
  return [...new Set(names)] as ExportFormat[];
}

async function exists(path: string): Promise<boolean> {
  try {
    // lstat: a dangling link holds the name too.
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** Whether the file holds the password (the formats that said so, or its text shows it). */
function holdsPassword(file: ExportFile, settings: AccountSettings, notes: ExportNote[]): boolean {
  if (!notes.some((note) => note.code === 'password-included')) return false;
  const password = settings.password ?? '';
  return (
    file.filename.endsWith('.mobileconfig') || (password !== '' && file.content.includes(password))
  );
}

/**
 * Runs the exporters and writes the files into `input.dir` (created if needed). Without `force`,
 * nothing is written when any of the files exists already.
 */
export async function exportToDir(
  input: ExportStepInput,
  t: Translate,
  language: Language,
): Promise<ExportOutcome> {
  const { files, notes } = exportFormats(input.settings, input.formats ?? FORMATS, {
    t,
    language,
    includePassword: input.includePassword === true,
    ...(input.check ? { check: input.check } : {}),
    ...(input.verification ? { verification: input.verification } : {}),
    ...(input.guidance ? { guidance: input.guidance } : {}),
    ...(input.now ? { now: input.now } : {}),
  });
  const dir = resolve(input.dir);
  const placed = files.map((file) => ({ ...file, path: join(dir, file.filename) }));
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      code: 'write-failed',
      message: t('export:cli.writeFailed', { path: dir, detail }),
    };
  }
  if (!input.force) {
    for (const file of placed) {
      if (await exists(file.path)) {
        return { ok: false, code: 'exists', message: t('export:cli.exists', { path: file.path }) };
      }
    }
  }
  for (const file of placed) {
    try {
      // A new file under the name, never through a link there and never keeping an old file's
      // mode: a file holding the password is readable by its owner only.
      await writeFileAtomically(file.path, exportFileBytes(file), {
        mode: holdsPassword(file, input.settings, notes) ? 0o600 : 0o644,
        replace: input.force === true,
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const code = (error as { code?: string }).code === 'EEXIST' ? 'exists' : 'write-failed';
      const message =
        code === 'exists'
          ? t('export:cli.exists', { path: file.path })
          : t('export:cli.writeFailed', { path: file.path, detail });
      return { ok: false, code, message };
    }
  }
  return { ok: true, dir, files: placed, notes };
}

/** Terminal text: the files written, how to use each, what to check by hand. */
export function exportText(outcome: Extract<ExportOutcome, { ok: true }>, t: Translate): string {
  const lines = outcome.files.map((file) => t('export:cli.written', { path: file.path }));
  lines.push('', t('export:cli.howToUse'));
  for (const file of outcome.files) {
    const key = usageKey(file);
    lines.push(key ? `- ${file.filename}: ${t(key)}` : `- ${file.filename}`);
  }
  const manual = outcome.notes.filter((n) => n.code !== 'password-included');
  if (manual.length) {
    lines.push('', t('export:cli.checkByHand'));
    for (const note of manual) lines.push(`- ${t(`export:notes.${note.code}`, note.params)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The warning printed (on standard error) when a file holds the password, else null. */
export function passwordWarning(outcome: ExportOutcome, t: Translate): string | null {
  if (!outcome.ok || !outcome.notes.some((n) => n.code === 'password-included')) return null;
  return `${t('export:notes.password-included')}\n`;
}

// ---------- `mailsetup check --export DIR` ----------

/** Options to merge into the check command's parseArgs options. */
export const EXPORT_ARG_OPTIONS = {
  export: { type: 'string' },
  format: { type: 'string' },
  force: { type: 'boolean' },
  'include-password': { type: 'boolean' },
} as const;

interface ExportArgs {
  export?: string;
  format?: string;
  force?: boolean;
  'include-password'?: boolean;
  'password-stdin'?: boolean;
}

/** Provider guidance for the files: led by the first failed login's reason, if any. */
function guidanceForCheck(
  providerId: string | undefined,
  verification: VerificationInput | undefined,
): GuidanceInput[] {
  const provider = providerId ? findProviderById(providerId) : undefined;
  const reason = verification ? leadingFailure(verification) : undefined;
  return guidanceAfterLogin(provider, reason, { always: true });
}

/**
 * The check command's follow-up step (after the login step, whose result it puts into the
 * report): with `--export DIR`, writes the files of the recommended settings.
 */
export async function exportCheckStep(context: CheckContext): Promise<void> {
  const { io, t, report } = context;
  const values = context.values as ExportArgs;
  if (values.export === undefined) {
    if (values.format !== undefined || values.force || values['include-password']) {
      throw new UsageError(t('export:cli.needsExport'));
    }
    return;
  }
  const formats = parseFormats(values.format, t);
  if (values['include-password'] && !values['password-stdin']) {
    throw new UsageError(t('export:cli.passwordNeedsStdin'));
  }
  const { incoming, outgoing } = report.recommended;
  if (!incoming || !outgoing) {
    context.text.push(`\n${t('export:cli.nothingToExport')}\n`);
    context.json.export = { ok: false, code: 'nothing-to-export' };
    if (context.exit !== EXIT.failed) context.exit = EXIT.findings;
    return;
  }
  const settings: AccountSettings = {
    address: context.address.address,
    incoming: endpointOf(incoming),
    outgoing: endpointOf(outgoing),
  };
  if (values['include-password']) {
    settings.password = await sharedPassword(io, context.address.display, t);
  }
  const verification = context.json.verification as VerificationInput | undefined;
  const outcome = await exportToDir(
    {
      settings,
      dir: values.export,
      formats,
      force: values.force === true,
      includePassword: values['include-password'] === true,
      check: report,
      ...(verification ? { verification } : {}),
      guidance: guidanceForCheck(report.provider, verification),
    },
    t,
    languageFromEnv(io.env),
  );
  if (!outcome.ok) {
    io.stderr.write(`mailsetup check: ${outcome.message}\n`);
    context.json.export = { ok: false, code: outcome.code };
    context.exit = outcome.code === 'exists' ? EXIT.usage : EXIT.failed;
    return;
  }
  context.json.export = {
    ok: true,
    dir: outcome.dir,
    files: outcome.files.map((file) => file.path),
    notes: outcome.notes,
  };
  context.text.push(
    `\n${context.colours.bold(t('export:cli.heading'))}\n${exportText(outcome, t)}`,
  );
  const warning = passwordWarning(outcome, t);
  if (warning) io.stderr.write(warning);
}
