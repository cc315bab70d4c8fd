/**
 * Security review: `mailsetup check --password-stdin` must not send the password to servers that
 * came from an untrusted source (http autoconfig, MX or SRV pointing at another domain) without
 * explicit consent (`--accept-source`). A fake server on 127.0.0.1 counts
 * the connections: without consent there must be none at all.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckContext } from '../../../electron/cli/commands/check.ts';
import { verifyCheckStep } from '../../../electron/cli/verify-step.ts';
import { checkContext, loopbackCandidate, recommending } from '../../helpers/check-context.ts';
import { captureIo } from '../../helpers/cli-io.ts';

const PASSWORD = 'untrusted-s3cret';
let server: net.Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
}, 10_000);

/** A server that greets like IMAP and SMTP would not matter: it only counts connections. */
async function countingServer(): Promise<{ port: number; connections: () => number }> {
  let count = 0;
  const listening = net.createServer((socket) => {
    count += 1;
    socket.on('error', () => {});
    socket.destroy();
  });
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  const port = (listening.address() as net.AddressInfo).port;
  return { port, connections: () => count };
}

function context(port: number, trusted: boolean, extra: Record<string, unknown>): CheckContext {
  const io = captureIo({ stdin: `${PASSWORD}\n` });
  const report = recommending(
    loopbackCandidate('imap', port, { trusted }),
    loopbackCandidate('smtp', port, { trusted }),
  );
  return checkContext(io, report, {
    'password-stdin': true,
    json: true,
    timeout: '2000',
    ...extra,
  });
}

describe('check --password-stdin and untrusted sources', () => {
  it('sends nothing to servers from an untrusted source without --accept-source', async () => {
    const fake = await countingServer();
    const ctx = context(fake.port, false, {});
    await verifyCheckStep(ctx);
    expect(fake.connections()).toBe(0);
    expect(ctx.json.verification).toMatchObject({
      incoming: { ok: false, reason: 'untrusted-refused', attempts: 0 },
      outgoing: { ok: false, reason: 'untrusted-refused', attempts: 0 },
    });
    expect(ctx.exit).not.toBe(0);
    expect(JSON.stringify(ctx.json) + ctx.text.join('')).not.toContain(PASSWORD);
  });

  it('logs in there with --accept-source, and on trusted settings without it', async () => {
    const consented = await countingServer();
    await verifyCheckStep(context(consented.port, false, { 'accept-source': ['127.0.0.1'] }));
    expect(consented.connections()).toBeGreaterThan(0);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    const trusted = await countingServer();
    await verifyCheckStep(context(trusted.port, true, {}));
    expect(trusted.connections()).toBeGreaterThan(0);
  });
});
