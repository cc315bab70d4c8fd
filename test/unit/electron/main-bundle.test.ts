import Module, { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { requestSchemas } from '../../../shared/ipc.ts';
import {
  StubBrowserWindow,
  app,
  electronModule,
  ipcMain,
  resetElectron,
} from '../../helpers/stub-electron.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'main-bundle-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the built main process (out/main/main.cjs as scripts/build.mjs makes it)', () => {
  it('starts under CommonJS and wires the window and every IPC channel', async () => {
    const outfile = join(folder, 'main.cjs');
    // The options of scripts/build.mjs for the main process.
    await build({
      absWorkingDir: repo,
      entryPoints: ['electron/main.ts'],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      packages: 'external',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'silent',
    });
    resetElectron();
    app.userData = folder;
    const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
    const original = loader._load;
    const stub = electronModule();
    // The bundle lives in a temporary folder: resolve its packages from the repository, as they
    // would be resolved inside the app.
    const requireFromRepo = createRequire(join(repo, 'package.json'));
    const bare = (request: string): boolean => !/^(\.|\/|node:)/.test(request);
    loader._load = (request, ...rest) => {
      if (request === 'electron') return stub;
      return original(bare(request) ? requireFromRepo.resolve(request) : request, ...rest);
    };
    try {
      requireFromRepo(outfile);
      app.makeReady();
      await vi.waitFor(() => expect(StubBrowserWindow.instances).toHaveLength(1));
    } finally {
      loader._load = original;
    }
    expect(StubBrowserWindow.instances[0]!.loadedUrl).toBe('app://mailsetup/index.html');
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.keys(requestSchemas).sort());
    expect(await ipcMain.invoke('app:info', {})).toMatchObject({
      ok: true,
      value: { version: '0.1.0-test' },
    });
  });
});
