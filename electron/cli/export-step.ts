/**
 * The export step of the CLI (`mailsetup export`, `mailsetup check --export DIR`): runs the pure
 * exporters, writes the files into a folder, refuses to replace existing files unless `--force`,
 * and tells the person how to use each file and what to check by hand, in their language.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  exportFormats,
  FORMATS,
  type CheckReportInput,
  type ExportFile,
  type ExportFormat,
  type GuidanceInput,
  type Translate,
  type VerificationInput,
} from '../../shared/export/index.ts';
import { createI18n, pickLanguage, type Language } from '../../shared/i18n/index.ts';
import type { AccountSettings } from '../../shared/model.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';

export interface ExportStepInput {
  settings: AccountSettings;
  dir: string;
  formats?: readonly ExportFormat[];
  force?: boolean;
  includePassword?: boolean;
  language?: Language;
  check?: CheckReportInput;
  verification?: VerificationInput;
  guidance?: readonly GuidanceInput[];
  now?: Date;
}

/** The person's language from the environment (LC_ALL, LC_MESSAGES, LANG), English otherwise. */
export function languageFromEnv(env: CliIo['env']): Language {
  return pickLanguage(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

export function translatorFor(language: Language): Translate {
  const i18n = createI18n(language);
  return (key, params) => i18n.t(key, params as never) as unknown as string;
}

/** Parses `--format thunderbird,apple`; all formats when absent. */
export function parseFormats(list: string | undefined, t: Translate): ExportFormat[] {
  if (list === undefined) return [...FORMATS];
  const names = list
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  for (const name of names) {
    if (!(FORMATS as readonly string[]).includes(name)) {
      throw new UsageError(
        t('export:cli.unknownFormat', { format: name, formats: FORMATS.join(', ') }),
      );
    }
  }
  if (names.length === 0)
    throw new UsageError(
      t('export:cli.unknownFormat', { format: list, formats: FORMATS.join(', ') }),
    );
  return [...new Set(names)] as ExportFormat[];
}

const MAX_PASSWORD_BYTES = 4096;

/**
 * The first line of standard input (`--password-stdin`), at most 4 KiB, without its line end.
 * Never echoed, never logged.
 */
export async function readPasswordFromStdin(stdin: CliIo['stdin']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    chunks.push(buffer);
    size += buffer.length;
    if (buffer.includes(0x0a) || size >= MAX_PASSWORD_BYTES) break;
  }
  const text = Buffer.concat(chunks).subarray(0, MAX_PASSWORD_BYTES).toString('utf8');
  return text.split(/\r?\n/)[0] ?? '';
}

/** Which sentence of `export:import` explains a file. */
function importKey(file: ExportFile): string {
  const keys: Record<string, string> = {
    'config-v1.1.xml': 'thunderbirdAutoconfig',
    'user.js': 'thunderbirdUserJs',
    'outlook.prf': 'outlookPrf',
    'autodiscover.xml': 'outlookAutodiscover',
    'settings.html': 'settingsSheet',
    'report.txt': 'reportText',
    'report.json': 'reportJson',
  };
  return `export:import.${keys[file.filename] ?? 'appleProfile'}`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Runs the exporters and writes the files; returns the exit code. */
export async function runExportStep(input: ExportStepInput, io: CliIo): Promise<number> {
  const language = input.language ?? languageFromEnv(io.env);
  const t = translatorFor(language);
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
  await mkdir(dir, { recursive: true });
  if (!input.force) {
    for (const file of files) {
      const path = join(dir, file.filename);
      if (await exists(path)) {
        io.stderr.write(`${t('export:cli.exists', { path })}\n`);
        return EXIT.usage;
      }
    }
  }
  const secret = notes.some((n) => n.code === 'password-included');
  for (const file of files) {
    const path = join(dir, file.filename);
    const mode = secret && file.filename.endsWith('.mobileconfig') ? 0o600 : 0o644;
    try {
      // 'wx' also refuses a file that appeared after the check above.
      await writeFile(path, file.content, {
        encoding: 'utf8',
        mode,
        flag: input.force ? 'w' : 'wx',
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      io.stderr.write(`${t('export:cli.writeFailed', { path, detail })}\n`);
      return EXIT.failed;
    }
    io.stdout.write(`${t('export:cli.written', { path })}\n`);
  }
  io.stdout.write(`\n${t('export:cli.howToUse')}\n`);
  for (const file of files) io.stdout.write(`- ${file.filename}: ${t(importKey(file))}\n`);
  const warnings = notes.filter((n) => n.code !== 'password-included');
  if (warnings.length) {
    io.stdout.write(`\n${t('export:cli.checkByHand')}\n`);
    for (const note of warnings)
      io.stdout.write(`- ${t(`export:notes.${note.code}`, note.params)}\n`);
  }
  if (secret) io.stderr.write(`\n${t('export:notes.password-included')}\n`);
  return EXIT.ok;
}
