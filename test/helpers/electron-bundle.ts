/** An Electron entry (main or preload) bundled in memory the way the build does: CommonJS for
 * Node, npm packages and `electron` left external. Returns the bundle's code. */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = fileURLToPath(new URL('../../', import.meta.url));

export async function bundleElectronEntry(entry: string): Promise<string> {
  const result = await build({
    absWorkingDir: repo,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    packages: 'external',
    format: 'cjs',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
