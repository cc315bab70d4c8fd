/**
 * Writing files the person asked for, never silently over an existing file: every file is opened
 * exclusively and written atomically, never through a symbolic link; when one exists, a message box asks whether to replace it, keep it or stop.
 */
import { basename, join } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { TFunction } from 'i18next';
import { exportFileBytes } from '../../shared/export/windows-1252.ts';
import { writeFileAtomically } from '../engine/files/atomic-write.ts';

export interface FileToSave {
  filename: string;
  content: string | Uint8Array;
  /** An exported file's media type: its charset says how text is encoded (default UTF-8). */
  mediaType?: string;
}

function bytesOf(file: FileToSave): Uint8Array {
  if (typeof file.content !== 'string') return file.content;
  return exportFileBytes({ mediaType: file.mediaType ?? '', content: file.content });
}

export type SaveOutcome =
  | { ok: true; paths: string[]; cancelled: boolean }
  | { ok: false; code: 'write-failed'; detail: string };

/** Refuses anything but a plain file name (the schema already does; this is the last line). */
export function isPlainFilename(name: string): boolean {
  return (
    name.length > 0 &&
    name !== '.' &&
    name !== '..' &&
    basename(name) === name &&
    !/[\\/\0]/.test(name)
  );
}

type Choice = 'replace' | 'keep' | 'cancel';

async function askReplace(
  window: BrowserWindow | null,
  t: TFunction,
  name: string,
): Promise<Choice> {
  const options = {
    type: 'question' as const,
    title: t('dialog.replaceTitle', { ns: 'menu' }),
    message: t('dialog.replaceMessage', { ns: 'menu', name }),
    detail: t('dialog.replaceDetail', { ns: 'menu' }),
    buttons: [
      t('dialog.replace', { ns: 'menu' }),
      t('dialog.keep', { ns: 'menu' }),
      t('dialog.cancel', { ns: 'menu' }),
    ],
    defaultId: 1,
    cancelId: 2,
    noLink: true,
  };
  const { response } = window
    ? await dialog.showMessageBox(window, options)
    : await dialog.showMessageBox(options);
  return response === 0 ? 'replace' : response === 1 ? 'keep' : 'cancel';
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? 'unknown';
}

/** Writes the files into `folder`, asking before replacing any existing one. */
export async function writeFilesAsking(
  folder: string,
  files: readonly FileToSave[],
  window: BrowserWindow | null,
  t: TFunction,
): Promise<SaveOutcome> {
  const paths: string[] = [];
  for (const file of files) {
    if (!isPlainFilename(file.filename)) {
      return { ok: false, code: 'write-failed', detail: 'invalid file name' };
    }
    const path = join(folder, file.filename);
    try {
      await writeFileAtomically(path, bytesOf(file), { mode: 0o644, replace: false });
      paths.push(path);
      continue;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') {
        return { ok: false, code: 'write-failed', detail: errorCode(error) };
      }
    }
    const choice = await askReplace(window, t, file.filename);
    if (choice === 'cancel') return { ok: true, paths, cancelled: true };
    if (choice === 'keep') continue;
    try {
      // A new file takes the name: a link there is replaced, never written through.
      await writeFileAtomically(path, bytesOf(file), { mode: 0o644, replace: true });
      paths.push(path);
    } catch (error) {
      return { ok: false, code: 'write-failed', detail: errorCode(error) };
    }
  }
  return { ok: true, paths, cancelled: false };
}
