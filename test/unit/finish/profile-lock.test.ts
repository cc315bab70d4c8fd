import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  deviceNumbers,
  isProfileInUse,
  isSharingViolation,
  lockLinkPid,
  procLocksHold,
} from '../../../electron/engine/finish/profile-lock.ts';

describe("Thunderbird's profile lock", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  const profile = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mailsetup-lock-'));
    dirs.push(dir);
    return dir;
  };

  it('reads the pid from the lock link target', () => {
    expect(lockLinkPid('127.0.0.1:+6532')).toBe(6532);
    expect(lockLinkPid('192.168.1.20:+1')).toBe(1);
    expect(lockLinkPid('garbage')).toBeNull();
    expect(lockLinkPid('127.0.0.1:+0')).toBeNull();
  });

  it('matches /proc/locks lines by device and inode, not by waiters', () => {
    const dev = 0xfe00; // fe:00
    const locks =
      '1: POSIX  ADVISORY  WRITE 6532 fe:00:2149708 0 EOF\n2: -> POSIX  ADVISORY  WRITE 77 fe:00:55 0 EOF\n';
    expect(deviceNumbers(dev)).toEqual({ major: 0xfe, minor: 0 });
    expect(procLocksHold(locks, dev, 2149708)).toBe(true);
    expect(procLocksHold(locks, dev, 55)).toBe(false);
    expect(procLocksHold(locks, 0x801, 2149708)).toBe(false);
  });

  it('on Windows a held parent.lock refuses sharing', () => {
    expect(isSharingViolation('EBUSY')).toBe(true);
    expect(isSharingViolation('ENOENT')).toBe(false);
  });

  it('a lock link to a live process means in use; to a gone one it is stale', async () => {
    const live = await profile();
    await symlink(`127.0.0.1:+${process.pid}`, join(live, 'lock'));
    expect(await isProfileInUse(live, 'linux')).toBe(true);
    const stale = await profile();
    await symlink('127.0.0.1:+999999999', join(stale, 'lock'));
    await writeFile(join(stale, '.parentlock'), '');
    expect(await isProfileInUse(stale, 'linux')).toBe(false);
    expect(await isProfileInUse(await profile(), 'linux')).toBe(false);
  });

  it('an unheld parent.lock left behind (Windows semantics) is not in use', async () => {
    const dir = await profile();
    await writeFile(join(dir, 'parent.lock'), '');
    expect(await isProfileInUse(dir, 'win32')).toBe(false);
  });
});
