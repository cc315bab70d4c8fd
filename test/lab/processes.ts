/**
 * Process plumbing for the lab: run a tool to completion, start a long-running server with its
 * output in a log file, wait until its ports answer, and stop it again by the pid we recorded.
 * Nothing here ever looks processes up by name.
 */
import { execFile, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';

/** How long a lab server may take until its ports answer. */
export const START_TIMEOUT_MS = 15_000;

/** Runs a command to completion; rejects with its stderr when it fails. */
export function runTool(
  command: string,
  args: readonly string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      [...args],
      { cwd: options.cwd, timeout: options.timeoutMs ?? 30_000, maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
        } else {
          resolve(stdout);
        }
      },
    );
  });
}

/**
 * Starts a server detached from our process group (so `lab:up` can exit and leave it running),
 * with stdout and stderr appended to `logFile`. Returns its pid.
 */
export function spawnServer(
  command: string,
  args: readonly string[],
  logFile: string,
  options: { env?: Record<string, string>; cwd?: string } = {},
): number {
  const fd = openSync(logFile, 'a');
  try {
    const child = spawn(command, [...args], {
      detached: true,
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', fd, fd],
    });
    if (child.pid === undefined) {
      throw new Error(`could not start ${command} (see ${logFile})`);
    }
    child.unref();
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

/** True when a process with this pid exists (and is not a zombie we could still reap). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z';
  } catch {
    return true;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGTERM, then SIGKILL if the process is still there after `graceMs`. */
export async function stopPid(pid: number, graceMs = 3_000): Promise<void> {
  if (!isAlive(pid)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return;
    await sleep(50);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** The last `lines` lines of a log file (empty when it does not exist). */
export function logTail(logFile: string, lines = 20): string {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** One TCP connect attempt; resolves true when the port accepted. */
export function portAnswers(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** A server we started, described well enough to wait for it and to explain its failure. */
export interface ServerCheck {
  name: string;
  pid: number;
  logFile: string;
  ports: ReadonlyArray<{ host: string; port: number }>;
}

/**
 * Waits until every port of the server accepts connections. Fails with the log's tail when the
 * process dies or the ports stay closed past the deadline.
 */
export async function waitForServer(
  server: ServerCheck,
  timeoutMs = START_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let pending = [...server.ports];
  while (pending.length > 0) {
    if (!isAlive(server.pid)) {
      throw new Error(
        `${server.name} exited during start; log ${server.logFile}:\n${logTail(server.logFile)}`,
      );
    }
    const answers = await Promise.all(pending.map((p) => portAnswers(p.host, p.port)));
    pending = pending.filter((_, i) => !answers[i]);
    if (pending.length === 0) return;
    if (Date.now() > deadline) {
      const missing = pending.map((p) => `${p.host}:${p.port}`).join(', ');
      throw new Error(
        `${server.name} did not open ${missing} within ${timeoutMs} ms; log ${server.logFile}:\n` +
          logTail(server.logFile),
      );
    }
    await sleep(100);
  }
}
