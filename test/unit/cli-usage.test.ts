import { DEPRECATED_OPTIONS } from '../../electron/cli/consent-step.ts';
import { describe, expect, it } from 'vitest';
import { CHECK_OPTIONS } from '../../electron/cli/commands/check.ts';
import { EXPORT_COMMAND_OPTIONS } from '../../electron/cli/commands/export.ts';
import { HEALTH_COMMAND_OPTIONS } from '../../electron/cli/commands/health.ts';
import { DISCOVERY_OPTIONS } from '../../electron/cli/discovery-options.ts';
import { main } from '../../electron/cli/main.ts';
import { usage } from '../../electron/cli/usage.ts';
import { captureIo } from '../helpers/cli-io.ts';

/** The synopsis of one command: its `mailsetup <command>` line and the indented lines after it. */
function synopsis(command: string): string {
  const lines = usage().split('\n');
  const start = lines.findIndex((line) => line.startsWith(`  mailsetup ${command} `));
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => !line.startsWith('                  '));
  return [lines[start], ...rest.slice(0, end)].join('\n');
}

describe('mailsetup --help', () => {
  it.each([
    ['discover', DISCOVERY_OPTIONS],
    ['check', CHECK_OPTIONS],
    ['health', HEALTH_COMMAND_OPTIONS],
    ['export', EXPORT_COMMAND_OPTIONS],
  ])('names every option the %s command accepts', (command, options) => {
    const text = synopsis(command);
    for (const name of Object.keys(options)) {
      if (!DEPRECATED_OPTIONS.has(name)) expect(text).toContain(`--${name}`);
    }
  });
});

describe('mailsetup <command> --help', () => {
  it.each(['probe', 'discover', 'check', 'export'])(
    'prints the %s synopsis, its options and its exit codes, exit 0',
    async (command) => {
      const io = captureIo();
      expect(await main([command, '--help'], io)).toBe(0);
      expect(io.err()).toBe('');
      const text = io.out();
      expect(text).toContain(`  mailsetup ${command} `);
      for (const other of ['probe', 'discover', 'check', 'export'].filter((c) => c !== command)) {
        expect(text).not.toContain(`  mailsetup ${other} `);
      }
      expect(text).toMatch(/^Exit codes: 0 /m);
    },
  );

  it('describes only the options the command takes, and answers -h after other arguments', async () => {
    const io = captureIo();
    expect(await main(['probe', 'mail.example.org', '-h'], io)).toBe(0);
    expect(io.out()).toContain('--port N');
    expect(io.out()).not.toContain('--password-stdin');
  });
});
