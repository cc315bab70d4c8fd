/**
 * Reading the `--settings FILE.json` of `mailsetup export` and `mailsetup add`: the `recommended`
 * part of `check --json`, the whole `check --json` output, or written by hand. A problem is one
 * line in the person's language (namespace `export:settingsErrors`); the caller exits with 2.
 */
import { readFile } from 'node:fs/promises';
import { validateSettings } from '../../shared/export/index.ts';
import type { AccountSettings } from '../../shared/model.ts';
import type { Translate } from './translate.ts';

const MAX_SETTINGS_BYTES = 1024 * 1024;

export type SettingsFileResult =
  { ok: true; settings: AccountSettings } | { ok: false; message: string };

export async function readSettingsFile(path: string, t: Translate): Promise<SettingsFileResult> {
  let text: string;
  try {
    const buffer = await readFile(path);
    if (buffer.length > MAX_SETTINGS_BYTES)
      throw new Error(`larger than ${MAX_SETTINGS_BYTES} bytes`);
    text = buffer.toString('utf8');
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: t('export:settingsErrors.unreadable', { path, detail }) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: t('export:settingsErrors.not-json', { path, detail }) };
  }
  const result = validateSettings(json);
  if (!result.ok) {
    const { field, code, expected } = result.error;
    return { ok: false, message: t(`export:settingsErrors.${code}`, { field, expected }) };
  }
  return { ok: true, settings: result.settings };
}
