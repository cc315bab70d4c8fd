/**
 * What the integration and e2e tests need from the machine, how to tell whether it is here, and
 * the exact command that brings it. Tests declare their needs with `needs()` (needs.ts); a test
 * whose component is missing is skipped, and the run ends with one line per missing component
 * (needs-reporter.ts). Package names are Debian's; `scripts/test-deps.sh` installs the same ones.
 */
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Something a test can need. `lab` stands for everything the mail lab needs. */
export type ComponentId =
  | 'lab'
  | 'dovecot'
  | 'postfix'
  | 'dnsmasq'
  | 'openssl'
  | 'root'
  | 'chromium'
  | 'keyring'
  | 'keytar'
  | 'dumpcap'
  | 'thunderbird';

interface Component {
  /** What the person reads: "<label> is missing". */
  label: string;
  present(): boolean;
  /** The exact command that enables it. */
  enable: string;
}

/** Where Debian puts daemons; root's PATH has them, another user's often does not. */
const SYSTEM_DIRS = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

/** True for a regular file this process may run. */
function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first executable called `command` on PATH (then in the sbin folders), as root finds it. */
export function findOnPath(command: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), ...SYSTEM_DIRS];
  return dirs
    .filter(Boolean)
    .map((dir) => path.join(dir, command))
    .find(isExecutable);
}

/**
 * Root with every user id mapped: Dovecot and Postfix switch to their own users and the lab
 * binds ports below 1024. Root in a user namespace (`npm test` as another user) maps only itself.
 */
export function isFullRoot(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    const [inside, outside, count] = readFileSync('/proc/self/uid_map', 'utf8').trim().split(/\s+/);
    return inside === '0' && outside === '0' && Number(count) > 65_535;
  } catch {
    return true;
  }
}

// Not `new URL(..., import.meta.url)`: the runner loads this module in jsdom test files too, where
// the global URL is jsdom's.
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const INSTALL = 'sudo npm test, or sudo apt-get install -y';
const pkg = (label: string, command: string, packages: string): Component => ({
  label,
  present: () => findOnPath(command) !== undefined,
  enable: `${INSTALL} ${packages}`,
});

/** `CHROMIUM_PATH`, else `chromium` on PATH, else Debian's place for it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? findOnPath('chromium') ?? '/usr/bin/chromium';

const COMPONENTS: Record<Exclude<ComponentId, 'lab'>, Component> = {
  dovecot: pkg('Dovecot', 'dovecot', 'dovecot-imapd dovecot-pop3d'),
  postfix: pkg('Postfix', 'postfix', 'postfix'),
  dnsmasq: pkg('dnsmasq', 'dnsmasq', 'dnsmasq-base'),
  openssl: pkg('openssl', 'openssl', 'openssl'),
  root: {
    label: 'root (the mail lab runs Dovecot and Postfix, which switch users)',
    present: isFullRoot,
    enable: 'sudo npm test',
  },
  chromium: {
    label: 'Chromium',
    present: () => isExecutable(CHROMIUM),
    enable: `${INSTALL} chromium (or set CHROMIUM_PATH)`,
  },
  keyring: {
    label: 'gnome-keyring with D-Bus',
    present: () =>
      findOnPath('gnome-keyring-daemon') !== undefined &&
      findOnPath('dbus-run-session') !== undefined,
    enable: `${INSTALL} gnome-keyring dbus`,
  },
  keytar: {
    label: "keytar's native module",
    present: () => existsSync(path.join(REPO, 'node_modules/keytar/build/Release/keytar.node')),
    enable: 'sudo apt-get install -y libsecret-1-dev pkg-config g++ make && npm rebuild keytar',
  },
  dumpcap: pkg('dumpcap', 'dumpcap', 'tshark'),
  thunderbird: pkg('Thunderbird', 'thunderbird', 'thunderbird'),
};

/** Every component, in the order the closing lines name them. */
export const COMPONENT_ORDER: readonly string[] = Object.keys(COMPONENTS);

/** What the mail lab needs (test/lab). */
export const LAB_COMPONENTS = ['dovecot', 'postfix', 'dnsmasq', 'openssl', 'root'] as const;

function expand(ids: readonly ComponentId[]): Array<Exclude<ComponentId, 'lab'>> {
  const flat = ids.flatMap((id) => (id === 'lab' ? [...LAB_COMPONENTS] : [id]));
  return [...new Set(flat)];
}

/** `MAILSETUP_TEST_WITHOUT=chromium,dovecot npm test` runs as if those were missing. */
const WITHOUT = new Set((process.env.MAILSETUP_TEST_WITHOUT ?? '').split(',').map((s) => s.trim()));

const checked = new Map<string, boolean>();
function present(id: Exclude<ComponentId, 'lab'>): boolean {
  let known = checked.get(id);
  if (known === undefined) {
    known = !WITHOUT.has(id) && COMPONENTS[id].present();
    checked.set(id, known);
  }
  return known;
}

/** The components among `ids` that this machine lacks (`lab` expanded into its parts). */
export function missingComponents(ids: readonly ComponentId[]): string[] {
  return expand(ids).filter((id) => !present(id));
}

/** One line for a missing component: what is missing and the exact command that brings it. */
export function missingLine(id: string, skippedTests: number): string {
  const component = COMPONENTS[id as Exclude<ComponentId, 'lab'>];
  const what = component ? `${component.label} is missing` : `${id} is missing`;
  const tests = `${skippedTests} ${skippedTests === 1 ? 'test' : 'tests'} skipped`;
  return `${tests}: ${what}. Enable: ${component?.enable ?? id}`;
}
