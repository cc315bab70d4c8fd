/**
 * The record of a running lab (`.lab/state-<netns>.json` in the repository root, gitignored) and the lock
 * that keeps two test runs from starting a lab at the same time. A lab found in the state file is
 * reused when every one of its processes is alive.
 */
import {
  closeSync,
  mkdirSync,
  openSync,
  readlinkSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LabInfo } from './lab-info.ts';
import { isAlive } from './processes.ts';

/** The repository root, found from this file's place in it. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STATE_DIR = path.join(REPO_ROOT, '.lab');

/**
 * The network namespace this process runs in (`npm test` gives each run one of its own). A lab is
 * only reachable from its own namespace, so each namespace keeps its own record and lock.
 */
function networkNamespace(): string {
  try {
    return readlinkSync('/proc/self/ns/net').match(/\d+/)?.[0] ?? 'host';
  } catch {
    return 'host';
  }
}
const NAMESPACE = networkNamespace();
const STATE_FILE = path.join(STATE_DIR, `state-${NAMESPACE}.json`);
const LOCK_FILE = path.join(STATE_DIR, `lock-${NAMESPACE}`);

/** What we need to find, reuse and stop a lab started by another process. */
export interface LabState {
  info: LabInfo;
  /** Every long-running process the lab started. */
  pids: number[];
  /** Postfix's config directory (it daemonizes; `postfix -c DIR stop` stops it cleanly). */
  postfixConfigDir?: string;
  /** Started or adopted by `npm run lab:up`: test runs never stop it. */
  persistent: boolean;
  /** Pids of test runs using the lab; the last one to finish stops a non-persistent lab. */
  users: number[];
}

export function readLabState(): LabState | undefined {
  try {
    return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as LabState;
  } catch {
    return undefined;
  }
}

export function writeLabState(state: LabState): void {
  mkdirSync(STATE_DIR, { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2) + '\n');
}

export function removeLabState(): void {
  rmSync(STATE_FILE, { force: true });
}

/** True when every process of the recorded lab still runs. */
export function labIsAlive(state: LabState): boolean {
  return state.pids.length > 0 && state.pids.every(isAlive);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function tryLock(): boolean {
  try {
    const fd = openSync(LOCK_FILE, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // A lock left behind by a process that died is stale: take it over.
  const holder = Number.parseInt(readFileSafe(LOCK_FILE), 10);
  if (Number.isFinite(holder) && !isAlive(holder)) rmSync(LOCK_FILE, { force: true });
  return false;
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Runs `action` while holding the lab lock; waits at most `timeoutMs` for it. */
export async function withLabLock<T>(action: () => Promise<T>, timeoutMs = 120_000): Promise<T> {
  mkdirSync(STATE_DIR, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  while (!tryLock()) {
    if (Date.now() > deadline) {
      throw new Error(`lab lock ${LOCK_FILE} still held after ${timeoutMs} ms`);
    }
    await sleep(100);
  }
  try {
    return await action();
  } finally {
    rmSync(LOCK_FILE, { force: true });
  }
}
