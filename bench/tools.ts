/**
 * The outside tools the benchmarks compare against or time with (nmap, hyperfine, Chromium):
 * found on PATH, and named clearly with the Debian package to install when missing.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export interface Tool {
  name: string;
  /** Debian package that provides it. */
  package: string;
  /** Full path, or null when not installed. */
  path: string | null;
}

/** The first executable called `name` on PATH (or the absolute path itself), else null. */
export function findExecutable(name: string): string | null {
  const candidates = path.isAbsolute(name)
    ? [name]
    : (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, name));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

export function findTool(name: string, debianPackage = name): Tool {
  return { name, package: debianPackage, path: findExecutable(name) };
}

/** The sentence printed (and written to results.md) when a tool is missing. */
export function missingText(tool: Tool, consequence: string): string {
  return `${tool.name} is not installed (apt-get install -y ${tool.package}): ${consequence}.`;
}
