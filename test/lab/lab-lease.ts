/**
 * Shared use of one lab by several processes (test runs, `lab:up`): acquire reuses a live lab or
 * starts one, release stops it when nobody needs it any more. All under the lab lock.
 */
import type { LabInfo } from './lab-info.ts';
import {
  labIsAlive,
  readLabState,
  removeLabState,
  withLabLock,
  writeLabState,
  type LabState,
} from './lab-state.ts';
import { startLab, stopLabProcesses } from './lab.ts';
import { isAlive } from './processes.ts';

/**
 * Returns the running lab, starting it first if needed. `persistent` (lab:up) marks the lab as
 * one that test runs must leave running; otherwise this process is recorded as a user.
 */
export function acquireLab(options: { persistent: boolean }): Promise<LabInfo> {
  return withLabLock(async () => {
    const existing = readLabState();
    if (existing && labIsAlive(existing)) {
      const users = existing.users.filter(isAlive);
      writeLabState({
        ...existing,
        persistent: existing.persistent || options.persistent,
        users: options.persistent ? users : [...users, process.pid],
      });
      return existing.info;
    }
    if (existing) {
      // Some of its servers died: clear away the rest before starting afresh.
      await stopLabProcesses(existing);
      removeLabState();
    }
    const lab = await startLab();
    const state: LabState = {
      ...lab.state,
      persistent: options.persistent,
      users: options.persistent ? [] : [process.pid],
    };
    writeLabState(state);
    return state.info;
  });
}

/** Drops this process from the lab's users; stops the lab if it was the last and not persistent. */
export function releaseLab(info: LabInfo): Promise<void> {
  return withLabLock(async () => {
    const state = readLabState();
    if (!state || state.info.stateDir !== info.stateDir) return;
    // One process may hold several leases (one per Vitest project): give back one of them.
    const users = [...state.users];
    const mine = users.indexOf(process.pid);
    if (mine >= 0) users.splice(mine, 1);
    const stillUsed = users.filter(isAlive);
    if (state.persistent || stillUsed.length > 0) {
      writeLabState({ ...state, users: stillUsed });
      return;
    }
    await stopLabProcesses(state);
    removeLabState();
  });
}

/** Stops the recorded lab whoever started it (`lab:down`). Returns false when none was up. */
export function stopRecordedLab(): Promise<boolean> {
  return withLabLock(async () => {
    const state = readLabState();
    if (!state) return false;
    await stopLabProcesses(state);
    removeLabState();
    return true;
  });
}
