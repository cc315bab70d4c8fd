/** The lint run enforces the folder layering (eslint/layers.js): a forbidden import fails it. */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'layers/imports')
    .map((m) => m.message);
}

describe('layering (lint rule layers/imports)', () => {
  it.each([
    ['electron/engine/verify/x.ts', "import { EXIT } from '../../cli/io.ts';\nvoid EXIT;", 'CLI'],
    ['electron/engine/x.ts', "export { registerIpc } from '../ipc.ts';", 'main-process'],
    ['electron/engine/probe/x.ts', "export * from '../../handlers/engine.ts';", 'IPC handlers'],
    ['electron/engine/x.ts', "void import('../../renderer/src/i18n.ts');", 'renderer'],
    ['electron/cli/x.ts', "import { app } from 'electron';\nvoid app;", 'package electron'],
    [
      'shared/export/x.ts',
      "import type { CheckReport } from '../../electron/engine/choose/check.ts';\nexport type R = CheckReport;",
      'electron/',
    ],
    ['shared/x.ts', "export { App } from '../renderer/src/App.tsx';", 'renderer'],
    [
      'renderer/src/x.ts',
      "import type { Handlers } from '../../electron/ipc.ts';\nexport type H = Handlers;",
      'electron/',
    ],
  ])('refuses %s importing what its layer must not see', async (file, code, what) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(what);
  });

  it.each([
    [
      'electron/engine/verify/x.ts',
      "import type { VerifyReason } from '../../../shared/codes.ts';\nexport type V = VerifyReason;",
    ],
    ['electron/cli/x.ts', "import { check } from '../engine/check.ts';\nvoid check;"],
    ['electron/handlers/x.ts', "import { check } from '../engine/check.ts';\nvoid check;"],
    [
      'renderer/src/x.ts',
      "import type { CheckReport } from '../../shared/reports.ts';\nexport type R = CheckReport;",
    ],
  ])('lets %s import along the layers', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
