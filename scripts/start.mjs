// `npm start`: builds the app into out/ and starts Electron. Electron's npm package fetches its
// binary at install time; where that download failed (no internet access), this tries it once
// more, quietly, and otherwise ends with one line that says so and what works without it,
// instead of Electron's own installer stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** Electron's binary as its package would find it, without letting it start a download. */
function electronBinary(dir) {
  const pathFile = path.join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? path.join(override, relative || 'electron')
    : relative && path.join(dir, 'dist', relative);
  return binary && existsSync(binary) ? binary : undefined;
}

function findElectron() {
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const found = electronBinary(dir);
  if (found) return found;
  const download = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
    cwd: dir,
    stdio: 'ignore',
    timeout: 10 * 60_000,
  });
  return download.status === 0 ? electronBinary(dir) : undefined;
}

const electron = findElectron();
if (!electron) {
  console.error(
    "npm start: Electron's binary is not installed and could not be downloaded (no internet " +
      'access?); what works without it: npx mailsetup --help (the same engine on the command ' +
      'line) and npm test.',
  );
  process.exit(1);
}
const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'all'], {
  cwd: root,
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);
const app = spawnSync(electron, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(app.status ?? 1);
