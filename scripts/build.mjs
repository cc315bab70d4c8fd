// Builds what runs outside the test runner: `cli` bundles the `mailsetup` command (run by
// `npm install` through `prepare`, so `npx mailsetup` works from a fresh checkout); `all` adds the
// Electron main process, the preload and the renderer.
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const what = process.argv[2] ?? 'all';

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

// Chunk names carry content hashes: clear the folder so old chunks do not pile up.
rmSync(join(root, 'out/cli'), { recursive: true, force: true });
await build({
  ...node,
  // Code splitting keeps each command (and the libraries it needs) out of `--help`'s start-up.
  entryPoints: { mailsetup: 'electron/cli/main.ts' },
  outdir: 'out/cli',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  format: 'esm',
});

if (what === 'all') {
  if (existsSync(join(root, 'electron/main.ts'))) {
    await build({
      ...node,
      entryPoints: ['electron/main.ts'],
      outfile: 'out/main/main.cjs',
      format: 'cjs',
      external: ['electron'],
    });
    await build({
      ...node,
      entryPoints: ['electron/preload.ts'],
      outfile: 'out/preload/preload.cjs',
      format: 'cjs',
      external: ['electron'],
    });
  }
  if (existsSync(join(root, 'renderer/vite.config.ts'))) {
    const { build: viteBuild } = await import('vite');
    await viteBuild({ configFile: join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
  }
}
