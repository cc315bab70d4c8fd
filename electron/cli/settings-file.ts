/**
 * Reading the `--settings FILE.json` of `mailsetup export` and `mailsetup add`: the `recommended`
 * part of `check --json`, the whole `check --json` output, or written by hand. A problem is one
 * line in the person's language (namespace `export:settingsErrors`); the caller exits with 2.
 */
import { validateSettings } from '../../shared/export/index.ts';
import type { AccountSettings } from '../../shared/model.ts';
import { fileProblemText, readLocalFile } from './local-file.ts';
import type { Translate } from './translate.ts';

/** Settings are a few KiB; reading stops at 1 MiB and after 5 s (`/dev/zero`, a FIFO). */
const SETTINGS_LIMITS = { maxBytes: 1024 * 1024, timeoutMs: 5000 };

export type SettingsFileResult =
  { ok: true; settings: AccountSettings } | { ok: false; message: string };

export async function readSettingsFile(path: string, t: Translate): Promise<SettingsFileResult> {
  let text: string;
  try {
    text = (await readLocalFile(path, SETTINGS_LIMITS)).toString('utf8');
  } catch (error) {
    const detail = fileProblemText(error, t, SETTINGS_LIMITS);
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
