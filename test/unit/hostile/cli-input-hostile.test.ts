/**
 * Hostile command-line input: host names with shell characters or credentials in them, ports that
 * are not ports, addresses that are not addresses. The CLI answers with a usage error (exit 2) or
 * a named result (exit 1), in words, and never crashes or prints a stack trace.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import { captureIo } from '../../helpers/cli-io.ts';

async function run(args: string[]) {
  const streams = captureIo({ env: { NO_COLOR: '1' } });
  const code = await main(args, streams);
  return { code, out: streams.out(), err: streams.err() };
}

const STACK = /\n\s+at .+:\d+:\d+/;

describe('hostile command-line input', () => {
  it.each([
    ['evil.test;rm -rf /'],
    ['127.0.0.1:22@x'],
    ['$(touch pwned).test'],
    ['a'.repeat(300)],
    ['-x.test'],
    ['exa mple.test'],
  ])('probe %s: a usage error or a named failure, no stack trace', async (host) => {
    const result = await run([
      'probe',
      host,
      '--port',
      '1',
      '--timeout',
      '300',
      '--dns',
      '127.0.0.1:9',
    ]);
    expect([1, 2]).toContain(result.code);
    expect(result.out + result.err).not.toMatch(STACK);
    expect((result.out + result.err).trim().length).toBeGreaterThan(0);
  });

  it.each([['0'], ['65536'], ['993abc'], ['-1'], ['1e3'], ['']])(
    'probe --port %j: a usage error',
    async (port) => {
      const result = await run(['probe', 'mail.example.test', '--port', port]);
      expect(result.code).toBe(2);
      expect(result.out + result.err).not.toMatch(STACK);
    },
  );

  it.each([['not an address'], ['a@@b.test'], ['evil.test;rm -rf@x.test'], ['x@127.0.0.1:22']])(
    'discover %j: refused in words',
    async (address) => {
      const result = await run(['discover', address, '--offline']);
      expect(result.code).toBe(2);
      expect(result.out + result.err).not.toMatch(STACK);
    },
  );
});
