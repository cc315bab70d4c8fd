/**
 * A real, headless Thunderbird for tests: make a fresh profile (optionally seeded with a user.js
 * or prefs.js), start Thunderbird on it and read back the accounts it loaded, as Thunderbird's
 * own account manager sees them (incoming server type/host/port/socketType/authMethod/username,
 * each identity's SMTP server). `holdProfile` keeps Thunderbird running, so its profile lock can
 * be tested.
 *
 * The system installation is never modified. Thunderbird reads its AutoConfig startup script only
 * from the default prefs of its own installation folder, so the helper builds a private
 * installation folder once per test process: symbolic links to every file of the real one, a
 * copy of the small launcher binary (Mozilla finds its installation folder from the binary's real
 * path), and a `defaults/pref` folder of its own that adds `general.config.filename` pointing at
 * `thunderbird-probe.cfg`. It is removed when the process exits (or by `disposeThunderbird`).
 *
 * `THUNDERBIRD_DIR` names the installation folder (the one holding `omni.ja`); otherwise the
 * usual Linux places are tried. Without one, `thunderbirdMissing()` says why, for `it.skipIf`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AccountSettings } from '../../shared/model.ts';

const PROBE_SCRIPT = fileURLToPath(new URL('./thunderbird-probe.cfg', import.meta.url));
const PROBE_NAME = 'mailsetup-probe.cfg';
const CANDIDATE_DIRS = ['/usr/lib/thunderbird', '/usr/lib64/thunderbird', '/opt/thunderbird'];
const BINARY_NAMES = ['thunderbird-bin', 'thunderbird'];
/** How long Thunderbird may take to quit after answering before it is killed. */
const QUIT_GRACE_MS = 5_000;

/** Default prefs of the private installation: the probe script, and a quiet, offline-ish start. */
const DEFAULT_PREFS = [
  `pref("general.config.filename", "${PROBE_NAME}");`,
  'pref("general.config.obscure_value", 0);',
  'pref("general.config.sandbox_enabled", false);',
  'pref("browser.dom.window.dump.enabled", true);',
  'pref("app.update.enabled", false);',
  'pref("datareporting.policy.dataSubmissionEnabled", false);',
  'pref("toolkit.telemetry.enabled", false);',
  'pref("mail.shell.checkDefaultClient", false);',
  'pref("mail.provider.enabled", false);',
  'pref("mailnews.start_page.enabled", false);',
  'pref("extensions.update.enabled", false);',
  '',
].join('\n');

export interface ThunderbirdInstall {
  /** The installation folder (holds omni.ja). */
  dir: string;
  /** The launcher binary inside it. */
  binary: string;
}

function installAt(dir: string): ThunderbirdInstall | null {
  if (!existsSync(join(dir, 'omni.ja'))) return null;
  for (const name of BINARY_NAMES) {
    const binary = join(dir, name);
    try {
      if (statSync(binary).isFile())
        return { dir: realpathSync(dir), binary: realpathSync(binary) };
    } catch {
      // not this one
    }
  }
  return null;
}

/** The Thunderbird installation to test against, or null. */
export function findThunderbird(): ThunderbirdInstall | null {
  const override = process.env.THUNDERBIRD_DIR;
  if (override) return installAt(override);
  for (const dir of CANDIDATE_DIRS) {
    const found = installAt(dir);
    if (found) return found;
  }
  return null;
}

/** Why Thunderbird tests cannot run here, or null when they can. */
export function thunderbirdMissing(): string | null {
  if (process.platform !== 'linux') return 'the headless Thunderbird helper runs on Linux only';
  if (!findThunderbird()) {
    return 'Thunderbird is not installed (apt-get install thunderbird, or set THUNDERBIRD_DIR)';
  }
  return null;
}

let privateInstall: Promise<{ root: string; binary: string }> | null = null;
let privateRoot: string | null = null;
const scratch = new Set<string>();

process.once('exit', () => {
  // Synchronous clean-up: nothing of ours outlives the test process.
  for (const dir of [privateRoot, ...scratch]) {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
});

/** Mirrors `source` into `target` with symbolic links, except the names in `skip`. */
async function linkEntries(
  source: string,
  target: string,
  skip: ReadonlySet<string>,
): Promise<void> {
  for (const name of readdirSync(source)) {
    if (skip.has(name)) continue;
    await symlink(join(source, name), join(target, name));
  }
}

async function buildPrivateInstall(
  install: ThunderbirdInstall,
): Promise<{ root: string; binary: string }> {
  const root = await mkdtemp(join(tmpdir(), 'mailsetup-tb-install-'));
  privateRoot = root;
  const binaryName =
    BINARY_NAMES.find((name) => existsSync(join(install.dir, name))) ?? 'thunderbird';
  await linkEntries(install.dir, root, new Set([...BINARY_NAMES, 'defaults']));
  const binary = join(root, binaryName);
  await copyFile(install.binary, binary);
  const defaults = realpathSync(join(install.dir, 'defaults'));
  await mkdir(join(root, 'defaults'));
  await linkEntries(defaults, join(root, 'defaults'), new Set(['pref']));
  await mkdir(join(root, 'defaults', 'pref'));
  if (existsSync(join(defaults, 'pref'))) {
    await linkEntries(join(defaults, 'pref'), join(root, 'defaults', 'pref'), new Set());
  }
  await writeFile(join(root, 'defaults', 'pref', 'zz-mailsetup-probe.js'), DEFAULT_PREFS);
  await copyFile(PROBE_SCRIPT, join(root, PROBE_NAME));
  return { root, binary };
}

function preparedInstall(): Promise<{ root: string; binary: string }> {
  const install = findThunderbird();
  if (!install) return Promise.reject(new Error(thunderbirdMissing() ?? 'no Thunderbird'));
  privateInstall ??= buildPrivateInstall(install);
  return privateInstall;
}

/** Removes the private installation folder and every profile this helper made. */
export async function disposeThunderbird(): Promise<void> {
  const root = privateRoot;
  privateInstall = null;
  privateRoot = null;
  if (root) await rm(root, { recursive: true, force: true });
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
  scratch.clear();
}

/**
 * An account that lives nowhere near the lab (IMAP STARTTLS 143, SMTP SSL/TLS 465): what a test
 * profile "already holds" before a test adds another one. Thunderbird never reaches it.
 */
export const SEED_ACCOUNT: AccountSettings = {
  address: 'bob@example.org',
  displayName: 'Bob Example',
  incoming: {
    protocol: 'imap',
    host: 'imap.example.org',
    port: 143,
    security: 'starttls',
    username: 'bob',
  },
  outgoing: {
    protocol: 'smtp',
    host: 'smtp.example.org',
    port: 465,
    security: 'tls',
    username: 'bob@example.org',
  },
};

export interface ProfileSeed {
  /** Written as the profile's user.js (Thunderbird applies it at every start). */
  userJs?: string;
  /** Written as the profile's prefs.js. */
  prefsJs?: string;
}

/** A fresh, empty profile folder (removed with the helper's other folders). */
export async function createProfile(seed: ProfileSeed = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mailsetup-tb-profile-'));
  scratch.add(dir);
  if (seed.userJs !== undefined) await writeFile(join(dir, 'user.js'), seed.userJs);
  if (seed.prefsJs !== undefined) await writeFile(join(dir, 'prefs.js'), seed.prefsJs);
  return dir;
}

/** An SMTP server as Thunderbird's outgoing-server service hands it to an identity. */
export interface LoadedSmtpServer {
  key: string;
  type: string;
  hostname: string | null;
  port: number | null;
  /** nsMsgSocketType: 0 plain, 2 STARTTLS, 3 SSL/TLS. */
  socketType: number | null;
  /** nsMsgAuthMethod: 3 normal password, 10 OAuth2, ... */
  authMethod: number | null;
  username: string | null;
}

export interface LoadedIdentity {
  key: string;
  email: string;
  fullName: string;
  /** The identity's own `smtpServer` pref (null: the default server). */
  smtpServerKey: string | null;
  smtp: LoadedSmtpServer | null;
}

export interface LoadedAccount {
  key: string;
  incoming: {
    key: string;
    type: string;
    hostName: string;
    port: number;
    socketType: number;
    authMethod: number;
    username: string;
    prettyName: string;
  } | null;
  identities: LoadedIdentity[];
}

/** What Thunderbird loaded from a profile. */
export interface LoadedAccounts {
  /** Thunderbird's version, e.g. 153.8.0. */
  thunderbird: string;
  defaultAccount: string | null;
  accounts: LoadedAccount[];
}

export interface RunOptions {
  /** Kill Thunderbird when it has not answered by then (default 60 s). */
  timeoutMs?: number;
}

interface Started {
  child: ChildProcess;
  outPath: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  workDir: string;
}

async function start(profileDir: string, hold: boolean): Promise<Started> {
  const { binary } = await preparedInstall();
  const workDir = await mkdtemp(join(tmpdir(), 'mailsetup-tb-run-'));
  scratch.add(workDir);
  const home = join(workDir, 'home');
  await mkdir(home);
  const outPath = join(workDir, 'accounts.json');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    TMPDIR: workDir,
    LANG: 'C.UTF-8',
    MOZ_HEADLESS: '1',
    MOZ_CRASHREPORTER_DISABLE: '1',
    MOZ_DISABLE_AUTO_SAFE_MODE: '1',
    MAILSETUP_TB_OUT: outPath,
    ...(hold ? { MAILSETUP_TB_HOLD: '1' } : {}),
  };
  const child = spawn(binary, ['--headless', '--no-remote', '--profile', resolve(profileDir)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
    if (process.env.MAILSETUP_TB_DEBUG) process.stderr.write(chunk);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    child.once('exit', (code, signal) => done({ code, signal }));
    child.once('error', () => done({ code: null, signal: null }));
  });
  return { child, outPath, exited, output: () => output, workDir };
}

/** Kills Thunderbird and everything it started (its own process group). */
function killTree(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

async function waitForFile(
  path: string,
  until: number,
  exited: Promise<unknown>,
): Promise<boolean> {
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < until) {
    if (existsSync(path)) return true;
    if (gone) return existsSync(path);
    await new Promise((done) => setTimeout(done, 50));
  }
  return false;
}

async function readReport(started: Started): Promise<LoadedAccounts> {
  const data = JSON.parse(await readFile(started.outPath, 'utf8')) as LoadedAccounts & {
    error?: string;
    stack?: string;
  };
  if (data.error) throw new Error(`Thunderbird probe failed: ${data.error}\n${data.stack ?? ''}`);
  return data;
}

function failure(what: string, started: Started): Error {
  return new Error(`${what}\n--- Thunderbird output (tail) ---\n${started.output().slice(-4000)}`);
}

/**
 * Starts Thunderbird headless on the profile, reads the accounts it loaded (after Thunderbird
 * saved prefs.js, as it does on every quit) and stops it again.
 */
export async function readAccounts(
  profileDir: string,
  options: RunOptions = {},
): Promise<LoadedAccounts> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const started = await start(profileDir, false);
  const until = Date.now() + timeoutMs;
  try {
    const written = await waitForFile(started.outPath, until, started.exited);
    if (!written)
      throw failure(`Thunderbird wrote no account list within ${timeoutMs} ms`, started);
    // prefs.js was saved before the list was written; a shutdown held up by a slow built-in
    // add-on gets a few seconds, then the process is killed.
    await Promise.race([
      started.exited,
      new Promise((done) => setTimeout(done, QUIT_GRACE_MS).unref()),
    ]);
    return await readReport(started);
  } finally {
    killTree(started.child);
    await started.exited;
  }
}

/** A Thunderbird kept running on a profile (its lock held) until `stop`. */
export interface HeldProfile {
  /** What it loaded. */
  accounts: LoadedAccounts;
  pid: number;
  /** Asks it to quit, kills it after `timeoutMs` (default 5 s; prefs.js is saved before). */
  stop(timeoutMs?: number): Promise<void>;
}

export async function holdProfile(
  profileDir: string,
  options: RunOptions = {},
): Promise<HeldProfile> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const started = await start(profileDir, true);
  try {
    const written = await waitForFile(started.outPath, Date.now() + timeoutMs, started.exited);
    if (!written) throw failure(`Thunderbird did not start within ${timeoutMs} ms`, started);
    const accounts = await readReport(started);
    return {
      accounts,
      pid: started.child.pid ?? -1,
      async stop(stopTimeoutMs = QUIT_GRACE_MS) {
        await writeFile(`${started.outPath}.quit`, '');
        const timer = setTimeout(() => killTree(started.child), stopTimeoutMs);
        await started.exited;
        clearTimeout(timer);
      },
    };
  } catch (error) {
    killTree(started.child);
    await started.exited;
    throw error;
  }
}
