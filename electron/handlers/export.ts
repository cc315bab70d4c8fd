/**
 * `export:save`: the renderer made the profile files with the shared exporters; main asks for a
 * folder and writes them there (asking before replacing anything).
 */
import { app, dialog, type BrowserWindow } from 'electron';
import type { TFunction } from 'i18next';
import type { Handlers } from '../ipc.ts';
import { writeFilesAsking } from './save-files.ts';

export interface ExportDeps {
  window(): BrowserWindow | null;
  t(): TFunction;
}

export function exportHandlers(deps: ExportDeps): Pick<Handlers, 'export:save'> {
  return {
    'export:save': async ({ files }) => {
      const window = deps.window();
      const t = deps.t();
      const options = {
        title: t('dialog.chooseFolder', { ns: 'menu' }),
        buttonLabel: t('dialog.chooseFolderButton', { ns: 'menu' }),
        defaultPath: app.getPath('documents'),
        properties: ['openDirectory' as const, 'createDirectory' as const],
      };
      const choice = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      const folder = choice.filePaths[0];
      if (choice.canceled || !folder) return { ok: true, value: { cancelled: true } };
      const outcome = await writeFilesAsking(folder, files, window, t);
      if (!outcome.ok) return outcome;
      if (outcome.paths.length === 0 && outcome.cancelled) {
        return { ok: true, value: { cancelled: true } };
      }
      return { ok: true, value: { paths: outcome.paths } };
    },
  };
}
