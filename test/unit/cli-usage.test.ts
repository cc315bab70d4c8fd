import { describe, expect, it } from 'vitest';
import { CHECK_OPTIONS } from '../../electron/cli/commands/check.ts';
import { EXPORT_COMMAND_OPTIONS } from '../../electron/cli/commands/export.ts';
import { DISCOVERY_OPTIONS } from '../../electron/cli/discovery-options.ts';
import { usage } from '../../electron/cli/usage.ts';

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
    ['export', EXPORT_COMMAND_OPTIONS],
  ])('names every option the %s command accepts', (command, options) => {
    const text = synopsis(command);
    for (const name of Object.keys(options)) expect(text).toContain(`--${name}`);
  });
});
