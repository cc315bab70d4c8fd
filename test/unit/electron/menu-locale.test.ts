import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../helpers/stub-electron.ts')).electronModule());

import type { MenuItemConstructorOptions } from 'electron';
import { createI18n } from '../../../shared/i18n/index.ts';
import { LanguageState, systemLanguage } from '../../../electron/locale.ts';
import { installMenu, menuTemplate } from '../../../electron/menu.ts';
import { Menu, resetElectron } from '../../helpers/stub-electron.ts';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

const options = { platform: 'linux' as const, appName: 'Mail Setup Wizard', devTools: false };

describe('menu', () => {
  beforeEach(() => resetElectron());

  it('has the usual menus with their standard roles (and so their shortcuts)', () => {
    const template = menuTemplate(createI18n('en').t, options);
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    const roles = items(template)
      .map((i) => i.role)
      .filter(Boolean);
    for (const role of [
      'quit',
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'zoomIn',
      'zoomOut',
      'resetZoom',
      'togglefullscreen',
      'minimize',
      'about',
    ]) {
      expect(roles, role).toContain(role);
    }
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
  });

  it('labels every item from the catalogue, in German too', () => {
    const template = menuTemplate(createI18n('de').t, options);
    expect(template.map((m) => m.label)).toEqual([
      'Datei',
      'Bearbeiten',
      'Ansicht',
      'Fenster',
      'Hilfe',
    ]);
    const labels = items(template)
      .filter((i) => i.type !== 'separator')
      .map((i) => i.label);
    expect(labels).toContain('Kopieren');
    expect(labels).toContain('Über Mail Setup Wizard');
    for (const label of labels) {
      expect(label, 'a missing key shows up as its key').not.toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    }
  });

  it('gives macOS its application menu and development builds the developer tools', () => {
    const mac = menuTemplate(createI18n('en').t, {
      ...options,
      platform: 'darwin',
      devTools: true,
    });
    expect(mac[0]!.label).toBe('Mail Setup Wizard');
    const roles = items(mac).map((i) => i.role);
    expect(roles).toContain('hide');
    expect(roles).toContain('toggleDevTools');
  });

  it('installMenu sets the application menu', () => {
    installMenu('de', options);
    expect(Menu.applied).toHaveLength(1);
    expect((Menu.applied[0]!.template[0] as MenuItemConstructorOptions).label).toBe('Datei');
  });
});

describe('locale', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'locale-test-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('takes the first supported OS language, then the app locale, then English', () => {
    expect(systemLanguage({ preferred: ['fr-CA', 'de-CH', 'en-US'], appLocale: 'en-US' })).toBe(
      'de',
    );
    expect(systemLanguage({ preferred: ['en-GB', 'de-DE'], appLocale: 'de' })).toBe('en');
    expect(systemLanguage({ preferred: [], appLocale: 'de-AT' })).toBe('de');
    expect(systemLanguage({ preferred: ['ja-JP'], appLocale: 'ja' })).toBe('en');
  });

  it('a saved choice overrides the OS and survives a restart; null follows the OS again', async () => {
    const file = join(folder, 'settings.json');
    const system = { preferred: ['de-DE'], appLocale: 'de' };
    const first = new LanguageState(file, system);
    await first.load();
    expect(first.language).toBe('de');
    await first.setOverride('en');
    expect(first.language).toBe('en');

    const second = new LanguageState(file, system);
    await second.load();
    expect(second.override).toBe('en');
    expect(second.language).toBe('en');
    await second.setOverride(null);
    expect(second.language).toBe('de');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ language: null });
  });

  it('ignores a damaged or foreign settings file', async () => {
    const file = join(folder, 'settings.json');
    for (const content of ['{not json', '{"language":"xx"}', 'x'.repeat(70_000)]) {
      await writeFile(file, content);
      const state = new LanguageState(file, { preferred: ['de'], appLocale: 'de' });
      await state.load();
      expect(state.override, content.slice(0, 20)).toBeNull();
      expect(state.language).toBe('de');
    }
  });
});
