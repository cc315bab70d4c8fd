/**
 * `sheet:print`: turns the printable settings sheet (HTML made by the shared exporter) into a PDF
 * and saves it where the person chooses. The HTML is rendered in a hidden, sandboxed window with
 * JavaScript disabled, in its own in-memory session that may load nothing but the sheet itself.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, app, dialog, session } from 'electron';
import type { TFunction } from 'i18next';
import type { Handlers } from '../ipc.ts';
import { denyAllPermissions, refuseDownloads } from '../web-hardening.ts';
import { SECURE_WEB_PREFERENCES } from '../window.ts';
import { writeFilesAsking } from './save-files.ts';

const PRINT_TIMEOUT_MS = 30_000;
const PRINT_PARTITION = 'sheet-print';

export interface SheetDeps {
  window(): BrowserWindow | null;
  t(): TFunction;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('print timed out')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Renders HTML to PDF bytes in a locked-down hidden window. */
export async function renderPdf(html: string): Promise<Uint8Array> {
  const folder = await mkdtemp(join(tmpdir(), 'mailsetup-sheet-'));
  const file = join(folder, 'sheet.html');
  const fileUrl = pathToFileURL(file).href;
  const printSession = session.fromPartition(PRINT_PARTITION);
  denyAllPermissions(printSession);
  refuseDownloads(printSession);
  printSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !(details.url === fileUrl || details.url.startsWith('data:')) });
  });
  const printer = new BrowserWindow({
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, javascript: false, session: printSession },
  });
  try {
    await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
    await withTimeout(printer.loadFile(file), PRINT_TIMEOUT_MS);
    return await withTimeout(
      printer.webContents.printToPDF({ pageSize: 'A4', printBackground: true }),
      PRINT_TIMEOUT_MS,
    );
  } finally {
    printer.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}

function pdfName(filename: string): string {
  const base = filename.replace(/\.(html?|pdf)$/i, '') || 'settings';
  return `${base}.pdf`;
}

export function sheetHandlers(deps: SheetDeps): Pick<Handlers, 'sheet:print'> {
  return {
    'sheet:print': async ({ html, filename }) => {
      const window = deps.window();
      const t = deps.t();
      let pdf: Uint8Array;
      try {
        pdf = await renderPdf(html);
      } catch (error) {
        return {
          ok: false,
          code: 'print-failed',
          detail: error instanceof Error ? error.message : 'unknown',
        };
      }
      const options = {
        title: t('dialog.saveSheet', { ns: 'menu' }),
        defaultPath: join(app.getPath('documents'), pdfName(basename(filename))),
        filters: [{ name: t('dialog.pdfFilter', { ns: 'menu' }), extensions: ['pdf'] }],
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const choice = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { ok: true, value: { cancelled: true } };
      const outcome = await writeFilesAsking(
        dirname(choice.filePath),
        [{ filename: basename(choice.filePath), content: pdf }],
        window,
        t,
      );
      if (!outcome.ok) return outcome;
      const path = outcome.paths[0];
      return path ? { ok: true, value: { path } } : { ok: true, value: { cancelled: true } };
    },
  };
}
