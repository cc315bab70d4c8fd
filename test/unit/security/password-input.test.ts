/**
 * Security review, item 10 (the silent changes): a password over 4 KiB on standard input was cut,
 * and invalid UTF-8 replaced, without a word; the login then tested another password than the one
 * given. Now both are refused in words (exit 2) before anything is sent: a server on 127.0.0.1
 * counts connections, and none arrives. (The two Node warnings of item 10 are covered in
 * test/unit/hostile/network-rule.test.ts.)
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../../electron/cli/io.ts';
import { main } from '../../../electron/cli/main.ts';
import { verifyCheckStep } from '../../../electron/cli/verify-step.ts';
import { checkContext, loopbackCandidate, recommending } from '../../helpers/check-context.ts';
import { captureIo, type CapturedIo } from '../../helpers/cli-io.ts';
import { JANE } from '../export/fixtures.ts';

const TOO_LONG = `${'k'.repeat(5000)}\n`;
const NOT_UTF8 = Buffer.from([0x50, 0x61, 0xdf, 0x77, 0xf6, 0x72, 0x74, 0x0a]); // "Paßwört" in Latin-1

const closers: Array<() => Promise<void>> = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An io whose standard input holds exactly these bytes. */
function ioWith(input: string | Buffer): CapturedIo {
  const io = captureIo({ env: { NO_COLOR: '1' } });
  const stdin = new PassThrough();
  stdin.end(input);
  return { ...io, stdin };
}

async function countingServer(): Promise<{ port: number; connections: () => number }> {
  let count = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    count += 1;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return { port: (server.address() as net.AddressInfo).port, connections: () => count };
}

function contextFor(io: CapturedIo, port: number) {
  const report = recommending(
    loopbackCandidate('imap', port, { security: 'plain' }),
    loopbackCandidate('smtp', port, { security: 'plain' }),
  );
  return checkContext(io, report, {
    'password-stdin': true,
    'allow-plaintext': ['127.0.0.1'],
    timeout: '2000',
  });
}

describe('a password that standard input cannot carry as given', () => {
  it.each([
    ['over 4 KiB', TOO_LONG, /longer than 4096 bytes/],
    ['not UTF-8', NOT_UTF8, /not valid UTF-8/],
  ])('check --password-stdin: a password %s is refused and never sent', async (_, input, words) => {
    const server = await countingServer();
    const context = contextFor(ioWith(input), server.port);
    const refused = verifyCheckStep(context);
    await expect(refused).rejects.toBeInstanceOf(UsageError);
    await expect(refused).rejects.toThrow(words);
    expect(server.connections()).toBe(0);
  });

  it('a password of exactly 4 KiB with a CRLF line end is taken whole', async () => {
    const server = await countingServer();
    const context = contextFor(ioWith(`${'k'.repeat(4096)}\r\n`), server.port);
    await verifyCheckStep(context);
    expect(server.connections()).toBeGreaterThan(0);
  });

  it.each([
    ['over 4 KiB', TOO_LONG, /longer than 4096 bytes/],
    ['not UTF-8', NOT_UTF8, /not valid UTF-8/],
  ])(
    'export --include-password: a password %s is refused, no file written',
    async (_, input, words) => {
      const dir = mkdtempSync(join(tmpdir(), 'password-input-'));
      dirs.push(dir);
      const settings = join(dir, 'settings.json');
      writeFileSync(settings, JSON.stringify(JANE));
      const out = join(dir, 'out');
      const io = ioWith(input);
      const code = await main(
        ['export', '--settings', settings, '--out', out, '--include-password', '--password-stdin'],
        io,
      );
      expect(code).toBe(2);
      expect(io.err()).toMatch(words);
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    },
  );
});
