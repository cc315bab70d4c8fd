/** The `mailsetup` dispatcher: an unknown command is a one-line usage error in the person's language. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main.ts';
import { captureIo } from '../helpers/cli-io.ts';

describe('mailsetup dispatcher', () => {
  it('names an unknown command and points to --help, exit 2', async () => {
    const io = captureIo();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.err()).toBe("mailsetup: unknown command 'frobnicate'. Try 'mailsetup --help'.\n");
    expect(io.out()).toBe('');
  });

  it('says it in German for a German environment', async () => {
    const io = captureIo({ env: { LANG: 'de_DE.UTF-8' } });
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.err()).toContain("unbekannter Befehl 'frobnicate'");
  });

  it('prints the version of package.json, whatever npm_package_version says', async () => {
    const expected = (
      JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
        version: string;
      }
    ).version;
    const saved = process.env.npm_package_version;
    process.env.npm_package_version = '9.9.9-other-project';
    try {
      const io = captureIo();
      expect(await main(['--version'], io)).toBe(0);
      expect(io.out()).toBe(`${expected}\n`);
    } finally {
      if (saved === undefined) delete process.env.npm_package_version;
      else process.env.npm_package_version = saved;
    }
  });
});
