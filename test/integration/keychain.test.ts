/**
 * The real keychain path: KeytarSecretStore against gnome-keyring's Secret Service in a private
 * D-Bus session (dbus-run-session, an unlocked throwaway keyring in a temporary HOME), and the
 * clear `keychain-unavailable` result when there is no session bus or no unlocked keyring.
 * Each case runs in a child process, so the environment is exactly the one set up here.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const child = fileURLToPath(new URL('./keychain-child.ts', import.meta.url));
const crossChild = fileURLToPath(new URL('./keychain-cross-child.ts', import.meta.url));
const hasTools = ['/usr/bin/dbus-run-session', '/usr/bin/gnome-keyring-daemon'].every((tool) =>
  existsSync(tool),
);
const hasKeytar = existsSync(path.join(repo, 'node_modules/keytar/build/Release/keytar.node'));

interface ChildReport {
  saved: { ok: boolean; code?: string; detail?: string };
  loadedMatches: boolean;
  deleted: boolean | { ok: false; code: string };
  afterDelete: string | null | { ok: false; code: string };
}

let home = '';
beforeAll(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'mailsetup-keychain-'));
});
afterAll(async () => {
  if (home) await rm(home, { recursive: true, force: true });
});

/** A clean environment: no inherited session bus, no display, a throwaway HOME per case. */
async function cleanEnv(): Promise<NodeJS.ProcessEnv> {
  const own = await mkdtemp(path.join(home, 'case-'));
  await mkdir(path.join(own, 'run'), { mode: 0o700 });
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: own,
    XDG_DATA_HOME: path.join(own, 'data'),
    XDG_CONFIG_HOME: path.join(own, 'config'),
    XDG_RUNTIME_DIR: path.join(own, 'run'),
  };
}

async function run(command: string, args: string[]): Promise<ChildReport> {
  const env = await cleanEnv();
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: repo, env, timeout: 45_000 }, (error, stdout, stderr) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as ChildReport);
      } catch {
        reject(new Error(`child failed: ${error?.message ?? ''}\n${stderr}\n${stdout}`));
      }
    });
  });
}

const node = [
  'node',
  '--import',
  'tsx',
  child,
  'imap://alice@good.test@mail.good.test',
  'kc-Secret-1',
];

describe.skipIf(!hasTools || !hasKeytar)(
  'keychain (gnome-keyring; skipped when dbus-run-session, gnome-keyring or the keytar build is missing)',
  () => {
    it('saves, loads and deletes through an unlocked gnome-keyring', async () => {
      const script = `printf throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"`;
      const report = await run('dbus-run-session', ['--', 'sh', '-c', script, 'sh', ...node]);
      expect(report.saved).toEqual({ ok: true });
      expect(report.loadedMatches).toBe(true);
      expect(report.deleted).toBe(true);
      expect(report.afterDelete).toBeNull();
    });

    it('finds across the CLI and the app what the other saved, one entry per account and server', async () => {
      const script = `printf throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"`;
      const cross = ['node', '--import', 'tsx', crossChild];
      const report = (await run('dbus-run-session', [
        '--',
        'sh',
        '-c',
        script,
        'sh',
        ...cross,
      ])) as unknown as Record<string, unknown>;
      expect(report).toEqual({
        cliSaved: { ok: true },
        wizardFoundCli: true,
        wizardKeychain: 'saved',
        cliFindsWizard: true,
        separateServers: true,
      });
    });

    it('says keychain-unavailable, not a stack trace, without a session bus', async () => {
      const report = await run(node[0]!, node.slice(1));
      expect(report.saved).toMatchObject({ ok: false, code: 'keychain-unavailable' });
      expect(report.saved.detail).toMatch(/D-Bus/i);
      expect(report.saved.detail).not.toMatch(/\n\s+at /);
    });

    it('says keychain-unavailable when the Secret Service has no unlocked keyring', async () => {
      const report = await run('dbus-run-session', ['--', ...node]);
      expect(report.saved).toMatchObject({ ok: false, code: 'keychain-unavailable' });
      expect(report.loadedMatches).toBe(false);
    });
  },
);
