import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  findProfiles,
  parseIni,
  profileRoots,
  profilesFromIni,
} from '../../../electron/engine/finish/profiles.ts';

/** What Thunderbird 153 wrote on first start (an old `Default=1` profile beside the real one). */
const PROFILES_INI = `[Profile1]
Name=default
IsRelative=1
Path=ke9c6qk7.default
Default=1

[InstallFDC34C9F024745EB]
Default=fqkvaegw.default-default
Locked=1

[Profile0]
Name=default-default
IsRelative=1
Path=fqkvaegw.default-default

[General]
StartWithLastProfile=1
Version=2
`;

describe('Thunderbird profiles', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it("puts the installation's default first, before the legacy Default=1", () => {
    const entries = profilesFromIni('/home/anna/.thunderbird', parseIni(PROFILES_INI));
    expect(entries.map((e) => [e.name, e.isDefault])).toEqual([
      ['default-default', true],
      ['default', false],
    ]);
    expect(entries[0]!.path).toBe(resolve('/home/anna/.thunderbird/fqkvaegw.default-default'));
  });

  it('without an install section, Default=1 decides; without that, file order', () => {
    const legacy = PROFILES_INI.replace(/\[Install[^]*?Locked=1\n/, '');
    expect(profilesFromIni('/r', parseIni(legacy))[0]!.name).toBe('default');
    const plain = legacy.replace('Default=1\n', '');
    expect(profilesFromIni('/r', parseIni(plain)).map((e) => e.name)).toEqual([
      'default',
      'default-default',
    ]);
  });

  it('installs.ini names the default too; absolute paths stay absolute; CRLF and BOM are fine', () => {
    const ini =
      '\uFEFF[Profile0]\r\nName=work\r\nIsRelative=0\r\nPath=/data/tb/work\r\n\r\n[Profile1]\r\nName=home\r\nIsRelative=1\r\nPath=Profiles/home\r\n';
    const installs = parseIni('[ABC]\nDefault=Profiles/home\n');
    const entries = profilesFromIni('/r', parseIni(ini), installs);
    expect(entries.map((e) => [e.name, e.path, e.isDefault])).toEqual([
      ['home', resolve('/r/Profiles/home'), true],
      ['work', resolve('/data/tb/work'), false],
    ]);
  });

  it('knows where each system keeps them', () => {
    expect(
      profileRoots('win32', { APPDATA: 'C:\\Users\\anna\\AppData\\Roaming' }, 'C:\\Users\\anna')[0],
    ).toContain('Thunderbird');
    expect(profileRoots('darwin', {}, '/Users/anna')).toEqual([
      join('/Users/anna', 'Library', 'Thunderbird'),
    ]);
    const linux = profileRoots('linux', { XDG_CONFIG_HOME: '/x/config' }, '/home/anna');
    expect(linux).toEqual([
      '/home/anna/.thunderbird',
      '/x/config/thunderbird',
      '/home/anna/snap/thunderbird/common/.thunderbird',
      '/home/anna/.var/app/org.mozilla.Thunderbird/.thunderbird',
    ]);
    expect(profileRoots('linux', { XDG_CONFIG_HOME: 'relative' }, '/h')[1]).toBe(
      '/h/.config/thunderbird',
    );
  });

  it('finds only profiles whose folder exists, default first, across roots', async () => {
    const home = await mkdtemp(join(tmpdir(), 'mailsetup-profiles-'));
    dirs.push(home);
    const root = join(home, '.thunderbird');
    await mkdir(join(root, 'fqkvaegw.default-default'), { recursive: true });
    await writeFile(join(root, 'profiles.ini'), PROFILES_INI);
    const flatpak = join(home, '.var', 'app', 'org.mozilla.Thunderbird', '.thunderbird');
    await mkdir(join(flatpak, 'abc.flat'), { recursive: true });
    await writeFile(
      join(flatpak, 'profiles.ini'),
      '[Profile0]\nName=flat\nIsRelative=1\nPath=abc.flat\nDefault=1\n',
    );
    const found = await findProfiles({ platform: 'linux', env: {}, home });
    expect(found.map((p) => [p.name, p.isDefault])).toEqual([
      ['default-default', true],
      ['flat', false],
    ]);
    expect(await findProfiles({ platform: 'linux', env: {}, home: join(home, 'nobody') })).toEqual(
      [],
    );
  });
});
