/**
 * Where Thunderbird keeps its profiles and which one it starts with. The folder holding
 * `profiles.ini` (and, since Thunderbird 68, `installs.ini`):
 *
 * - Windows: `%APPDATA%\Thunderbird`; macOS: `~/Library/Thunderbird`;
 * - Linux: `~/.thunderbird` (still what Thunderbird 153 creates), `$XDG_CONFIG_HOME/thunderbird`
 *   (the XDG location the Mozilla platform can use when the legacy folder does not exist), the
 *   Snap's `~/snap/thunderbird/common/.thunderbird` and the Flatpak's
 *   `~/.var/app/org.mozilla.Thunderbird/.thunderbird`.
 *
 * `profiles.ini` lists `[ProfileN]` sections (`Name`, `Path`, `IsRelative`, `Default=1`) and, per
 * installation, `[Install<hash>]` sections whose `Default` is the profile that installation
 * actually starts with (the legacy `Default=1` may point elsewhere); `installs.ini` repeats those
 * as `[<hash>]`. The default profile comes first: an installation's default, else `Default=1`,
 * else file order. The parsing and ordering are pure; `findProfiles` reads the files.
 */
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, normalize, resolve } from 'node:path';

export type IniSections = Map<string, Map<string, string>>;

/** A small INI reader as Mozilla writes them: `[Section]`, `key=value`, `;`/`#` comments. */
export function parseIni(text: string): IniSections {
  const sections: IniSections = new Map();
  let current: Map<string, string> | null = null;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith(';') || line.startsWith('#')) continue;
    const header = /^\[(.*)\]$/.exec(line);
    if (header) {
      const name = header[1]!.trim();
      current = sections.get(name) ?? new Map();
      sections.set(name, current);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0 || !current) continue;
    current.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return sections;
}

export interface ProfileEntry {
  name: string;
  /** Absolute folder path. */
  path: string;
  isDefault: boolean;
}

/** The folders that may hold `profiles.ini` on this platform, most likely first. */
export function profileRoots(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  home: string,
): string[] {
  if (platform === 'win32') {
    const appData = env.APPDATA ?? join(home, 'AppData', 'Roaming');
    return [join(appData, 'Thunderbird')];
  }
  if (platform === 'darwin') return [join(home, 'Library', 'Thunderbird')];
  const xdg = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : null;
  return [
    join(home, '.thunderbird'),
    join(xdg ?? join(home, '.config'), 'thunderbird'),
    join(home, 'snap', 'thunderbird', 'common', '.thunderbird'),
    join(home, '.var', 'app', 'org.mozilla.Thunderbird', '.thunderbird'),
  ];
}

function profilePath(root: string, section: ReadonlyMap<string, string>): string | null {
  const path = section.get('Path');
  if (!path) return null;
  const relative = section.get('IsRelative') !== '0';
  // Mozilla writes relative paths with forward slashes on every platform.
  return relative ? resolve(root, normalize(path)) : resolve(path);
}

/**
 * The profiles of one root folder, default first. `installs` is installs.ini (may be empty);
 * install defaults are relative paths like `Path` values.
 */
export function profilesFromIni(
  root: string,
  profilesIni: IniSections,
  installsIni: IniSections = new Map(),
): ProfileEntry[] {
  const installDefaults: string[] = [];
  for (const [name, section] of profilesIni) {
    if (name.startsWith('Install') && section.get('Default')) {
      installDefaults.push(resolve(root, normalize(section.get('Default')!)));
    }
  }
  for (const section of installsIni.values()) {
    const path = section.get('Default');
    if (path) installDefaults.push(resolve(root, normalize(path)));
  }
  const entries: Array<ProfileEntry & { legacyDefault: boolean }> = [];
  for (const [name, section] of profilesIni) {
    if (!/^Profile\d+$/.test(name)) continue;
    const path = profilePath(root, section);
    if (!path || entries.some((entry) => entry.path === path)) continue;
    entries.push({
      name: section.get('Name') ?? name,
      path,
      isDefault: false,
      legacyDefault: section.get('Default') === '1',
    });
  }
  const chosen =
    entries.find((entry) => installDefaults.includes(entry.path)) ??
    entries.find((entry) => entry.legacyDefault) ??
    entries[0];
  const ordered = chosen ? [chosen, ...entries.filter((entry) => entry !== chosen)] : [];
  return ordered.map(({ name, path }) => ({ name, path, isDefault: path === chosen?.path }));
}

async function readIfThere(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > 1024 * 1024) return null;
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export interface ProfileSearch {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

/**
 * Every Thunderbird profile folder that exists, over all roots; the first root's default first.
 * Only the first root with a profiles.ini marks a default.
 */
export async function findProfiles(search: ProfileSearch = {}): Promise<ProfileEntry[]> {
  const roots = profileRoots(
    search.platform ?? process.platform,
    search.env ?? process.env,
    search.home ?? homedir(),
  );
  const found: ProfileEntry[] = [];
  let defaultTaken = false;
  for (const root of roots) {
    const profilesText = await readIfThere(join(root, 'profiles.ini'));
    if (profilesText === null) continue;
    const installsText = await readIfThere(join(root, 'installs.ini'));
    const entries = profilesFromIni(
      root,
      parseIni(profilesText),
      installsText ? parseIni(installsText) : new Map(),
    );
    for (const entry of entries) {
      if (found.some((f) => f.path === entry.path) || !(await isDirectory(entry.path))) continue;
      const isDefault = entry.isDefault && !defaultTaken;
      if (isDefault) defaultTaken = true;
      found.push({ ...entry, isDefault });
    }
  }
  const first = found.findIndex((entry) => entry.isDefault);
  if (first > 0) found.unshift(...found.splice(first, 1));
  // The default's folder is gone: Thunderbird would fall back to another profile, so do we.
  if (first === -1 && found[0]) found[0] = { ...found[0], isDefault: true };
  return found;
}
