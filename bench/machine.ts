/**
 * A short description of the machine and the tools a benchmark run used, for results.md:
 * absolute times only mean something next to it.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { findExecutable } from './tools.ts';

function firstLine(command: string, args: string[]): string | null {
  const path = findExecutable(command);
  if (!path) return null;
  try {
    const out = execFileSync(path, args, {
      encoding: 'utf8',
      timeout: 10_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return (
      out
        .split('\n')
        .find((line) => line.trim() !== '')
        ?.trim() ?? null
    );
  } catch {
    return null;
  }
}

export function describeMachine(): string[] {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  const tools = [
    firstLine('nmap', ['--version']),
    firstLine('hyperfine', ['--version']),
    firstLine('chromium', ['--version']),
  ].filter((t): t is string => t !== null);
  return [
    `CPU: ${model}, ${cpus.length} logical cores (${os.availableParallelism()} usable)`,
    `Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, load average at start ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
    `OS: ${os.type()} ${os.release()} (${os.arch()})`,
    `Node: ${process.version}`,
    ...(tools.length > 0 ? [`Tools: ${tools.join('; ')}`] : []),
  ];
}
