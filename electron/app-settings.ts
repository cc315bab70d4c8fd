/**
 * The app's own small settings file (`<userData>/settings.json`): today only the person's
 * language choice. Read with a size bound and validated; an unreadable or foreign file counts as
 * "no settings". Written atomically (temporary file, then rename). Never holds a password.
 */
import { open, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { languageSchema } from '../shared/ipc.ts';

const settingsSchema = z.object({ language: languageSchema.nullable().optional() });
export type Settings = z.infer<typeof settingsSchema>;

const MAX_SETTINGS_BYTES = 64 * 1024;

export async function loadSettings(file: string): Promise<Settings> {
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(MAX_SETTINGS_BYTES + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      if (bytesRead > MAX_SETTINGS_BYTES) return {};
      const parsed = settingsSchema.safeParse(
        JSON.parse(buffer.subarray(0, bytesRead).toString('utf8')),
      );
      return parsed.success ? parsed.data : {};
    } finally {
      await handle.close();
    }
  } catch {
    return {};
  }
}

export async function saveSettings(file: string, settings: Settings): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(settingsSchema.parse(settings), null, 2)}\n`, {
    mode: 0o600,
  });
  await rename(temporary, file);
}
