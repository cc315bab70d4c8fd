/**
 * Whether Thunderbird has a profile open, by the lock Mozilla's profile code
 * (toolkit/profile/nsProfileLock.cpp) takes on it:
 *
 * - Linux and other Unix: a symbolic link `lock` whose target is `<ip>:+<pid>` (the process that
 *   holds it), plus a POSIX (fcntl) lock on `.parentlock`. A link left behind by a process that
 *   is gone is stale, exactly as Mozilla itself treats it; the fcntl lock shows in /proc/locks.
 * - macOS: an fcntl lock on `.parentlock`; `lsof` names the process holding that file open.
 * - Windows: `parent.lock`, held open without sharing: opening it fails while Thunderbird runs.
 *
 * The decisions are pure functions over what the system reports; `isProfileInUse` gathers it.
 */
import { execFile } from 'node:child_process';
import { lstat, open, readFile, readlink, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The pid in a Unix `lock` link target (`127.0.0.1:+4242`), or null when it is not one. */
export function lockLinkPid(target: string): number | null {
  const match = /:\+(\d{1,10})$/.exec(target);
  if (!match) return null;
  const pid = Number(match[1]);
  return pid > 0 ? pid : null;
}

/** Linux's `st_dev` as major and minor numbers (the kernel's new_encode_dev). */
export function deviceNumbers(dev: number): { major: number; minor: number } {
  const big = BigInt(dev);
  const major = Number(((big >> 8n) & 0xfffn) | ((big >> 32n) & ~0xfffn));
  const minor = Number((big & 0xffn) | ((big >> 12n) & ~0xffn));
  return { major, minor };
}

/**
 * Whether /proc/locks lists a lock on the file with this device and inode. Lines look like
 * `1: POSIX  ADVISORY  WRITE 6532 fe:00:2149708 0 EOF` (major and minor in hex, inode decimal);
 * blocked waiters (`->`) are skipped.
 */
export function procLocksHold(procLocks: string, dev: number, inode: number): boolean {
  const { major, minor } = deviceNumbers(dev);
  for (const line of procLocks.split('\n')) {
    if (line.includes('->')) continue;
    const match = /\s([0-9a-f]+):([0-9a-f]+):(\d+)\s/i.exec(line);
    if (!match) continue;
    if (
      parseInt(match[1]!, 16) === major &&
      parseInt(match[2]!, 16) === minor &&
      Number(match[3]) === inode
    ) {
      return true;
    }
  }
  return false;
}

/** Whether a process with this pid exists (EPERM: it exists, it is just not ours). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The error codes Windows gives for a file another process holds open without sharing. */
export function isSharingViolation(code: string | undefined): boolean {
  return code === 'EBUSY' || code === 'EPERM' || code === 'EACCES';
}

async function unixLinkHeld(profileDir: string, alive: (pid: number) => boolean): Promise<boolean> {
  try {
    const link = join(profileDir, 'lock');
    if (!(await lstat(link)).isSymbolicLink()) return false;
    const pid = lockLinkPid(await readlink(link));
    return pid !== null && alive(pid);
  } catch {
    return false;
  }
}

async function linuxFcntlHeld(profileDir: string): Promise<boolean> {
  try {
    const info = await stat(join(profileDir, '.parentlock'));
    return procLocksHold(await readFile('/proc/locks', 'utf8'), info.dev, info.ino);
  } catch {
    return false;
  }
}

function lsofHolds(file: string): Promise<boolean> {
  return new Promise((done) => {
    execFile('lsof', ['-t', '--', file], { timeout: 5_000 }, (error, stdout) => {
      done(!error && stdout.trim() !== '');
    });
  });
}

async function windowsHeld(profileDir: string): Promise<boolean> {
  try {
    const handle = await open(join(profileDir, 'parent.lock'), 'r+');
    await handle.close();
    return false;
  } catch (error) {
    return isSharingViolation((error as NodeJS.ErrnoException).code);
  }
}

/** True while a Thunderbird (or anything Mozilla) has the profile open. */
export async function isProfileInUse(
  profileDir: string,
  platform: NodeJS.Platform = process.platform,
): Promise<boolean> {
  if (platform === 'win32') return windowsHeld(profileDir);
  if (await unixLinkHeld(profileDir, processAlive)) return true;
  if (platform === 'linux') return linuxFcntlHeld(profileDir);
  if (platform === 'darwin') return lsofHolds(join(profileDir, '.parentlock'));
  return false;
}
