/**
 * The native menu bar: the usual menus and shortcuts (Edit with cut/copy/paste so that text
 * fields work, zoom, full screen, window handling), labels from the `menu` i18n namespace. Roles
 * bring the platform's standard accelerators; on macOS the first menu is the application menu.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { TFunction } from 'i18next';
import { createI18n, type Language } from '../shared/i18n/index.ts';

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Development builds get Reload and the developer tools. */
  devTools: boolean;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function menuTemplate(t: TFunction, options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const name = options.appName;
  const label = (key: string): string => t(key, { ns: 'menu', name });

  const appMenu: MenuItemConstructorOptions = {
    label: name,
    submenu: [
      { role: 'about', label: label('app.about') },
      separator,
      { role: 'services', label: label('app.services') },
      separator,
      { role: 'hide', label: label('app.hide') },
      { role: 'hideOthers', label: label('app.hideOthers') },
      { role: 'unhide', label: label('app.unhide') },
      separator,
      { role: 'quit', label: label('app.quit') },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: label('file.title'),
    submenu: mac
      ? [{ role: 'close', label: label('file.close') }]
      : [{ role: 'quit', label: label('file.quit') }],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: label('edit.title'),
    submenu: [
      { role: 'undo', label: label('edit.undo') },
      { role: 'redo', label: label('edit.redo') },
      separator,
      { role: 'cut', label: label('edit.cut') },
      { role: 'copy', label: label('edit.copy') },
      { role: 'paste', label: label('edit.paste') },
      { role: 'selectAll', label: label('edit.selectAll') },
    ],
  };
  const development: MenuItemConstructorOptions[] = options.devTools
    ? [
        { role: 'reload', label: label('view.reload') },
        { role: 'toggleDevTools', label: label('view.devTools') },
        separator,
      ]
    : [];
  const viewMenu: MenuItemConstructorOptions = {
    label: label('view.title'),
    submenu: [
      ...development,
      { role: 'resetZoom', label: label('view.resetZoom') },
      { role: 'zoomIn', label: label('view.zoomIn') },
      { role: 'zoomOut', label: label('view.zoomOut') },
      separator,
      { role: 'togglefullscreen', label: label('view.fullscreen') },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    label: label('window.title'),
    role: 'windowMenu',
    submenu: mac
      ? [
          { role: 'minimize', label: label('window.minimize') },
          { role: 'zoom', label: label('window.zoom') },
          separator,
          { role: 'front', label: label('window.front') },
        ]
      : [
          { role: 'minimize', label: label('window.minimize') },
          { role: 'close', label: label('window.close') },
        ],
  };
  const helpMenu: MenuItemConstructorOptions = {
    label: label('help.title'),
    role: 'help',
    submenu: [{ role: 'about', label: label('help.about') }],
  };
  return mac
    ? [appMenu, fileMenu, editMenu, viewMenu, windowMenu]
    : [fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

/** Builds the menu in a language and makes it the application menu. */
export function installMenu(language: Language, options: MenuOptions): void {
  const t = createI18n(language).t;
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(t, options)));
}
