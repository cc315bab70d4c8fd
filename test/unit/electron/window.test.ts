import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../helpers/stub-electron.ts')).electronModule());

import { createMainWindow, SECURE_WEB_PREFERENCES } from '../../../electron/window.ts';
import { StubBrowserWindow, resetElectron } from '../../helpers/stub-electron.ts';

const electronDir = fileURLToPath(new URL('../../../electron/', import.meta.url));

describe('the main window', () => {
  beforeEach(() => resetElectron());

  it('uses the secure web preferences and loads the app from app://, not file://', () => {
    createMainWindow({
      preloadPath: '/app/out/preload/preload.cjs',
      title: 'Test',
      devTools: false,
    });
    const window = StubBrowserWindow.instances[0]!;
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
      preload: '/app/out/preload/preload.cjs',
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(window.loadedUrl).toBe('app://mailsetup/index.html');
    expect(window.loadedFile).toBeNull();
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('the secure preferences are frozen, so no caller can weaken them for every window', () => {
    expect(Object.isFrozen(SECURE_WEB_PREFERENCES)).toBe(true);
  });
});

describe('the main-process sources', () => {
  /** Every .ts file under electron/ except the engine and the CLI (which never touch windows). */
  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory())
        return entry.name === 'engine' || entry.name === 'cli' ? [] : sources(path);
      return entry.name.endsWith('.ts') ? [path] : [];
    });
  }

  it('never switch off a security default or enable a risky feature', () => {
    const risky = [
      /nodeIntegration\w*\s*:\s*true/,
      /contextIsolation\s*:\s*false/,
      /sandbox\s*:\s*false/,
      /webSecurity\s*:\s*false/,
      /allowRunningInsecureContent\s*:\s*true/,
      /experimentalFeatures\s*:\s*true/,
      /enableBlinkFeatures/,
      /webviewTag\s*:\s*true/,
      /@electron\/remote/,
      /exposeInMainWorld\([^)]*ipcRenderer\s*\)/,
    ];
    const files = sources(electronDir);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of risky) expect(pattern.test(text), `${file}: ${pattern}`).toBe(false);
    }
  });
});
