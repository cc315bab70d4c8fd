import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';

vi.mock('electron', async () => (await import('../../helpers/stub-electron.ts')).electronModule());

import type { BrowserWindow } from 'electron';
import { createI18n } from '../../../shared/i18n/index.ts';
import { MemorySecretStore } from '../../../electron/engine/secrets/memory-store.ts';
import { appHandlers } from '../../../electron/handlers/app.ts';
import { clipboardHandlers } from '../../../electron/handlers/clipboard.ts';
import { exportHandlers } from '../../../electron/handlers/export.ts';
import { isPlainFilename } from '../../../electron/handlers/save-files.ts';
import { secretHandlers } from '../../../electron/handlers/secret.ts';
import { sheetHandlers } from '../../../electron/handlers/sheet.ts';
import { LanguageState } from '../../../electron/locale.ts';
import {
  StubBrowserWindow,
  StubWebContents,
  clipboard,
  dialog,
  resetElectron,
  session,
} from '../../helpers/stub-electron.ts';

const context = {} as never;
const deps = { window: () => null as BrowserWindow | null, t: () => createI18n('en').t };
let folder: string;

beforeEach(async () => {
  resetElectron();
  folder = await mkdtemp(join(tmpdir(), 'handlers-test-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const file = (filename: string, content: string) => ({
  filename,
  mediaType: 'text/plain',
  content,
});

describe('export:save', () => {
  it('writes every file into the chosen folder', async () => {
    dialog.openAnswers.push({ canceled: false, filePaths: [folder] });
    const { 'export:save': save } = exportHandlers(deps);
    const result = await save({ files: [file('a.xml', '<a/>'), file('b.prf', 'B')] }, context);
    expect(result).toEqual({
      ok: true,
      value: { paths: [join(folder, 'a.xml'), join(folder, 'b.prf')] },
    });
    expect(await readFile(join(folder, 'a.xml'), 'utf8')).toBe('<a/>');
    expect(dialog.calls[0]!.options).toMatchObject({ title: 'Choose a folder for the files' });
  });

  it('never overwrites silently: asks, and keeps the existing file when told so', async () => {
    await writeFile(join(folder, 'a.xml'), 'precious');
    dialog.openAnswers.push({ canceled: false, filePaths: [folder] });
    dialog.messageAnswers.push(1); // Keep Existing
    const { 'export:save': save } = exportHandlers(deps);
    const result = await save({ files: [file('a.xml', 'new'), file('b.txt', 'B')] }, context);
    expect(result).toEqual({ ok: true, value: { paths: [join(folder, 'b.txt')] } });
    expect(await readFile(join(folder, 'a.xml'), 'utf8')).toBe('precious');
    const asked = dialog.calls.filter((c) => c.kind === 'message');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.options.message).toContain('a.xml');
  });

  it('replaces an existing file only after the person agrees', async () => {
    await writeFile(join(folder, 'a.xml'), 'old');
    dialog.openAnswers.push({ canceled: false, filePaths: [folder] });
    dialog.messageAnswers.push(0); // Replace
    const { 'export:save': save } = exportHandlers(deps);
    await save({ files: [file('a.xml', 'new')] }, context);
    expect(await readFile(join(folder, 'a.xml'), 'utf8')).toBe('new');
  });

  it('reports a cancelled folder choice and writes nothing', async () => {
    const { 'export:save': save } = exportHandlers(deps);
    expect(await save({ files: [file('a.xml', 'x')] }, context)).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(await readdir(folder)).toEqual([]);
  });

  it('returns write-failed as a result when the folder is unusable', async () => {
    dialog.openAnswers.push({ canceled: false, filePaths: [join(folder, 'missing')] });
    const { 'export:save': save } = exportHandlers(deps);
    expect(await save({ files: [file('a.xml', 'x')] }, context)).toEqual({
      ok: false,
      code: 'write-failed',
      detail: 'ENOENT',
    });
  });

  it('accepts plain file names only', () => {
    expect(isPlainFilename('thunderbird-user.js')).toBe(true);
    for (const name of ['', '.', '..', '../x', 'a/b', 'a\\b', 'a\0b'])
      expect(isPlainFilename(name), name).toBe(false);
  });
});

describe('sheet:print', () => {
  it('renders in a hidden, sandboxed window without JavaScript whose session loads only the sheet', async () => {
    const target = join(folder, 'sheet.pdf');
    dialog.saveAnswers.push({ canceled: false, filePath: target });
    const { 'sheet:print': print } = sheetHandlers(deps);
    const result = await print(
      { html: '<h1>Settings</h1>', filename: 'anna-settings.html' },
      context,
    );
    expect(result).toEqual({ ok: true, value: { path: target } });
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.4 stub');

    const printer = StubBrowserWindow.instances[0]!;
    expect(printer.options.show).toBe(false);
    expect(printer.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(printer.options.webPreferences).not.toHaveProperty('preload');
    expect(printer.destroyed).toBe(true);
    expect(printer.webContents.printOptions).toHaveLength(1);

    const printSession = session.partitions.get('sheet-print')!;
    const decide = (url: string): boolean => {
      let cancel: boolean | undefined;
      printSession.beforeRequest!(
        { url } as never,
        ((answer: { cancel: boolean }) => (cancel = answer.cancel)) as never,
      );
      return cancel!;
    };
    expect(decide('https://tracker.example/pixel.png')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide(`file://${printer.loadedFile}`)).toBe(false);
    expect(printSession.permissionRequestHandler).toBeTypeOf('function');
    const defaultPath = dialog.calls.find((c) => c.kind === 'save')!.options.defaultPath as string;
    expect(defaultPath.endsWith('anna-settings.pdf')).toBe(true);
  });

  it('reports print-failed as a result and cleans up when Chromium cannot print', async () => {
    StubWebContents.failPrint = true;
    const { 'sheet:print': print } = sheetHandlers(deps);
    const result = await print({ html: '<p>x</p>', filename: 's.html' }, context);
    expect(result).toEqual({ ok: false, code: 'print-failed', detail: 'printing failed' });
    const printer = StubBrowserWindow.instances[0]!;
    expect(printer.destroyed).toBe(true);
    const { existsSync } = await import('node:fs');
    expect(existsSync(printer.loadedFile!)).toBe(false);
    expect(dialog.calls.filter((c) => c.kind === 'save')).toHaveLength(0);
  });

  it('leaves no temporary file behind and reports a cancelled save', async () => {
    const { 'sheet:print': print } = sheetHandlers(deps);
    expect(await print({ html: '<p>x</p>', filename: 's.html' }, context)).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    const { existsSync } = await import('node:fs');
    expect(existsSync(StubBrowserWindow.instances[0]!.loadedFile!)).toBe(false);
  });
});

describe('secret, clipboard and app handlers', () => {
  it('stores, loads and deletes a password through the secret store', async () => {
    const handlers = secretHandlers(new MemorySecretStore());
    const account = 'imap://anna@imap.example.org';
    expect(await handlers['secret:save']({ account, password: 'pw-1' }, context)).toEqual({
      ok: true,
      value: true,
    });
    expect(await handlers['secret:load']({ account }, context)).toEqual({
      ok: true,
      value: 'pw-1',
    });
    expect(await handlers['secret:delete']({ account }, context)).toEqual({
      ok: true,
      value: true,
    });
    expect(await handlers['secret:load']({ account }, context)).toEqual({ ok: true, value: null });
  });

  it('passes a missing keychain on as a result', async () => {
    const broken = {
      save: async () => ({
        ok: false as const,
        code: 'keychain-unavailable' as const,
        detail: 'no dbus',
      }),
      load: async () => ({
        ok: false as const,
        code: 'keychain-unavailable' as const,
        detail: 'no dbus',
      }),
      delete: async () => ({
        ok: false as const,
        code: 'keychain-unavailable' as const,
        detail: 'no dbus',
      }),
    };
    const handlers = secretHandlers(broken);
    expect(await handlers['secret:save']({ account: 'a', password: 'secret-pw' }, context)).toEqual(
      {
        ok: false,
        code: 'keychain-unavailable',
        detail: 'no dbus',
      },
    );
  });

  it('writes text to the clipboard', async () => {
    await clipboardHandlers()['clipboard:write']({ text: 'report' }, context);
    expect(clipboard.written).toEqual(['report']);
  });

  it('app:set-language saves the choice, rebuilds the menu and reports the new language', async () => {
    const language = new LanguageState(join(folder, 'settings.json'), {
      preferred: ['en-US'],
      appLocale: 'en',
    });
    const changed: string[] = [];
    const handlers = appHandlers({
      version: '1.2.3',
      platform: 'linux',
      language,
      onLanguageChanged: (lng) => changed.push(lng),
    });
    expect(await handlers['app:info']({}, context)).toEqual({
      ok: true,
      value: { version: '1.2.3', platform: 'linux', locale: 'en', languageOverride: null },
    });
    expect(await handlers['app:set-language']({ language: 'de' }, context)).toEqual({
      ok: true,
      value: { version: '1.2.3', platform: 'linux', locale: 'de', languageOverride: 'de' },
    });
    expect(changed).toEqual(['de']);
  });
});
