#!/usr/bin/env node
// The `mailsetup` command. `npm install` builds the bundle it loads (the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../out/cli/mailsetup.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write(
    'mailsetup: not built yet. Run `npm install` (or `npm run build`) in the project folder.\n',
  );
  process.exit(3);
}
const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2));
