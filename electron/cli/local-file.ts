/**
 * Reading a small local file the person named (`--ca FILE`, `--settings FILE.json`): only a
 * regular file, at most `maxBytes` read whatever the file claims its size is, within a time limit.
 * `/dev/zero` would otherwise fill the memory before any size check, and a FIFO would hang the
 * run. The file is opened non-blocking so that opening a FIFO cannot wait for a writer.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

export const FILE_PROBLEMS = [
  'not-found',
  'not-a-file',
  'too-large',
  'timeout',
  'unreadable',
] as const;
export type FileProblem = (typeof FILE_PROBLEMS)[number];

export class LocalFileError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly detail = '',
  ) {
    super(`${problem}${detail ? `: ${detail}` : ''}`);
  }
}

export interface LocalFileLimits {
  maxBytes: number;
  /** Default 5000 ms. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5000;

async function readCapped(handle: FileHandle, maxBytes: number): Promise<Buffer> {
  const info = await handle.stat();
  if (!info.isFile()) throw new LocalFileError('not-a-file');
  if (info.size > maxBytes) throw new LocalFileError('too-large');
  // One byte more than allowed tells a file that grew (or lied about its size, like /proc).
  const buffer = Buffer.alloc(maxBytes + 1);
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  if (filled > maxBytes) throw new LocalFileError('too-large');
  return buffer.subarray(0, filled);
}

/** The file's bytes, or a LocalFileError naming the problem. */
export async function readLocalFile(path: string, limits: LocalFileLimits): Promise<Buffer> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new LocalFileError('not-found');
    if (code === 'EISDIR') throw new LocalFileError('not-a-file');
    throw new LocalFileError('unreadable', code ?? String(error));
  }
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new LocalFileError('timeout')),
      limits.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([readCapped(handle, limits.maxBytes), deadline]);
  } catch (error) {
    if (error instanceof LocalFileError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'EISDIR') throw new LocalFileError('not-a-file');
    throw new LocalFileError('unreadable', code ?? String(error));
  } finally {
    clearTimeout(timer);
    await handle.close().catch(() => {});
  }
}

/** Why a file could not be read, in the person's words (`security:file.<problem>`). */
export function fileProblemText(
  error: unknown,
  t: (key: string, params?: Record<string, unknown>) => string,
  limits: LocalFileLimits,
): string {
  if (!(error instanceof LocalFileError)) return String(error);
  return t(`security:file.${error.problem}`, {
    kib: Math.ceil(limits.maxBytes / 1024),
    seconds: Math.ceil((limits.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000),
    detail: error.detail,
  });
}
