/**
 * Classic Outlook for Windows: write the PRF (the shared exporter's) and start
 * `outlook.exe /importprf <file>`, which "starts Outlook and opens/imports the defined MAPI
 * profile". outlook.exe is found where Windows registers it (App Paths, the key `Start`/`Run`
 * use) and, failing that, in Click-to-Run and MSI install folders. New Outlook has no PRF import;
 * Microsoft accounts are added by address in Outlook itself (the PRF's password login is off for
 * them). Every decision is a pure function; `importIntoOutlook` gathers the facts on Windows.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import { join, win32 } from 'node:path';
import { outlookPrf } from '../../../shared/export/outlook-prf.ts';
import type { Alternatives } from '../../../shared/export/types.ts';
import { exportFileBytes } from '../../../shared/export/windows-1252.ts';
import type { FinishCode, OutlookImport } from '../../../shared/finish.ts';
import type { AccountSettings } from '../../../shared/model.ts';
import { writeFileAtomically } from '../files/atomic-write.ts';
import { failedWith, type FinishResult } from './result.ts';

/** The registry keys that name outlook.exe (per user first, then the machine, 64- and 32-bit). */
export const APP_PATH_KEYS = [
  'HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\OUTLOOK.EXE',
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\OUTLOOK.EXE',
  'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\App Paths\\OUTLOOK.EXE',
];

/** Provider ids and host names of Microsoft's own mail (Outlook.com, Microsoft 365). */
const MICROSOFT_PROVIDERS = new Set(['outlook', 'microsoft-365']);
const MICROSOFT_HOSTS = [/(^|\.)office365\.com$/i, /(^|\.)outlook\.com$/i, /(^|\.)hotmail\.com$/i];

export function isMicrosoftAccount(settings: AccountSettings, providerId?: string): boolean {
  if (providerId && MICROSOFT_PROVIDERS.has(providerId)) return true;
  return [settings.incoming.host, settings.outgoing.host].some((host) =>
    MICROSOFT_HOSTS.some((pattern) => pattern.test(host)),
  );
}

/** Expands `%NAME%` from `env` (REG_EXPAND_SZ values); unknown names stay as they are. */
export function expandEnv(value: string, env: NodeJS.ProcessEnv): string {
  return value.replace(/%([^%]+)%/g, (whole, name: string) => {
    const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
    return key ? (env[key] ?? whole) : whole;
  });
}

/**
 * The default value from `reg query <key> /ve` output. The value's name is localised
 * (`(Default)`, `(Standard)`, ...), so the line is found by its type; quotes are removed.
 */
export function regDefaultValue(stdout: string, env: NodeJS.ProcessEnv = {}): string | null {
  for (const line of stdout.split(/\r?\n/)) {
    const match = /\sREG_(EXPAND_)?SZ\s+(.+?)\s*$/.exec(line);
    if (!match) continue;
    const value = match[2]!.replace(/^"(.*)"$/, '$1');
    if (!value) continue;
    return match[1] ? expandEnv(value, env) : value;
  }
  return null;
}

/** Where Office installs outlook.exe when the registry says nothing (Click-to-Run, then MSI). */
export function knownOutlookPaths(env: NodeJS.ProcessEnv): string[] {
  const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.ProgramW6432].filter(
    (root): root is string => Boolean(root),
  );
  const out: string[] = [];
  for (const root of [...new Set(roots)]) {
    for (const version of ['Office16', 'Office15']) {
      out.push(win32.join(root, 'Microsoft Office', 'root', version, 'OUTLOOK.EXE'));
      out.push(win32.join(root, 'Microsoft Office', version, 'OUTLOOK.EXE'));
    }
  }
  return out;
}

/** Whether `tasklist /FI "IMAGENAME eq OUTLOOK.EXE" /FO CSV /NH` lists a running Outlook. */
export function tasklistShowsOutlook(stdout: string): boolean {
  return stdout.split(/\r?\n/).some((line) => /^"?outlook\.exe"?,/i.test(line.trim()));
}

export interface OutlookFacts {
  platform: NodeJS.Platform;
  microsoftAccount: boolean;
  /** outlook.exe, when found. */
  outlookPath: string | null;
  running: boolean;
}

export type OutlookDecision =
  { action: 'import'; outlookPath: string } | { action: 'explain'; code: OutlookCode };
type OutlookCode = Extract<FinishCode, `outlook-${string}`>;

/** What to do with the facts gathered. */
export function decideOutlook(facts: OutlookFacts): OutlookDecision {
  if (facts.microsoftAccount) return { action: 'explain', code: 'outlook-add-by-address' };
  if (facts.platform !== 'win32')
    return { action: 'explain', code: 'outlook-unsupported-platform' };
  if (!facts.outlookPath) return { action: 'explain', code: 'outlook-not-found' };
  if (facts.running) return { action: 'explain', code: 'outlook-running' };
  return { action: 'import', outlookPath: facts.outlookPath };
}

function run(command: string, args: string[]): Promise<string | null> {
  return new Promise((done) => {
    execFile(command, args, { timeout: 10_000, windowsHide: true }, (error, stdout) =>
      done(error ? null : String(stdout)),
    );
  });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** outlook.exe on this Windows computer, or null. */
export async function findOutlook(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  for (const key of APP_PATH_KEYS) {
    const out = await run('reg', ['query', key, '/ve']);
    const path = out ? regDefaultValue(out, env) : null;
    if (path && (await isFile(path))) return path;
  }
  for (const path of knownOutlookPaths(env)) if (await isFile(path)) return path;
  return null;
}

async function outlookRunning(): Promise<boolean> {
  const out = await run('tasklist', ['/FI', 'IMAGENAME eq OUTLOOK.EXE', '/FO', 'CSV', '/NH']);
  return out !== null && tasklistShowsOutlook(out);
}

export interface OutlookOptions {
  /** Folder the PRF is written to (kept, so the person can run it again). */
  dir: string;
  alternatives?: Alternatives;
  providerId?: string;
  platform?: NodeJS.Platform;
}

/** Writes the PRF and starts Outlook's import, or says in a code why that cannot happen here. */
export async function importIntoOutlook(
  settings: AccountSettings,
  options: OutlookOptions,
): Promise<FinishResult<OutlookImport>> {
  const platform = options.platform ?? process.platform;
  const microsoftAccount = isMicrosoftAccount(settings, options.providerId);
  const onWindows = platform === 'win32' && !microsoftAccount;
  const outlookPath = onWindows ? await findOutlook() : null;
  const running = onWindows && outlookPath !== null ? await outlookRunning() : false;
  const decision = decideOutlook({ platform, microsoftAccount, outlookPath, running });
  if (decision.action === 'explain') return { ok: false, code: decision.code };

  const file = outlookPrf(settings, options.alternatives ?? []).files[0]!;
  const prfPath = join(options.dir, file.filename);
  try {
    await mkdir(options.dir, { recursive: true });
    await writeFileAtomically(prfPath, exportFileBytes(file), { mode: 0o644, replace: true });
    await new Promise<void>((done, fail) => {
      const child = spawn(decision.outlookPath, ['/importprf', prfPath], {
        detached: true,
        stdio: 'ignore',
        windowsHide: false,
      });
      child.once('error', fail);
      child.once('spawn', () => {
        child.unref();
        done();
      });
    });
  } catch (error) {
    return failedWith('outlook-start-failed', error);
  }
  return { ok: true, value: { started: true, outlookPath: decision.outlookPath, prfPath } };
}
