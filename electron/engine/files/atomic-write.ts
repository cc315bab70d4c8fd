/**
 * Writing one file the way exports and profile writers need it: never through a symbolic link,
 * never keeping an old file's mode, never half-written over a good file. The content goes into a
 * new temporary file in the same folder (created exclusively, so not through a link either) with
 * exactly the given mode, is flushed, and then takes the target's name: renamed over it when
 * replacing (a link at the target is replaced itself, its target untouched), or hard-linked when
 * not (which fails with EEXIST if anything, a dangling link included, holds the name).
 */
import { randomBytes } from 'node:crypto';
import { link, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** The new file's mode, umask notwithstanding (0o600 for a file holding a password). */
  mode: number;
  /** Replace whatever holds the name; else fail with EEXIST. */
  replace: boolean;
}

export async function writeFileAtomically(
  path: string,
  content: string | Uint8Array,
  options: AtomicWriteOptions,
): Promise<void> {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.mailsetup-${randomBytes(6).toString('hex')}.tmp`,
  );
  const handle = await open(temporary, 'wx', options.mode);
  try {
    try {
      await handle.writeFile(content);
      await handle.chmod(options.mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.replace) {
      await rename(temporary, path);
      return;
    }
    try {
      await link(temporary, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Folders without hard links (FAT, some network shares): an exclusive open of the name,
      // which does not follow a link either, then a rename over the empty file it made.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
      await (await open(path, 'wx', options.mode)).close();
      await rename(temporary, path);
      return;
    }
  } finally {
    await rm(temporary, { force: true });
  }
}
