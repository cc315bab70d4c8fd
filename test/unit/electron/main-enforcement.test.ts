/**
 * Security review, item 11: the main process enforces the untrusted-source and consent rules from
 * its own checks, so a compromised renderer cannot send a password the engine's policy refuses.
 * A loopback server counts connections and records bytes: a renderer that leaves out the source
 * consent, or turns a STARTTLS endpoint into plaintext with a plaintext consent, reaches nothing.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckMemory } from '../../../electron/handlers/check-memory.ts';
import { runVerify } from '../../../electron/handlers/engine.ts';
import type { Candidate, Endpoint } from '../../../shared/model.ts';
import type { RequestOf } from '../../../shared/ipc.ts';
import { candidateOf, recommending } from '../../helpers/check-context.ts';

const PASSWORD = 'Renderer-0wned';
let server: net.Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** Greets as IMAP without STARTTLS and says OK to everything; counts connections and bytes. */
async function recorder(): Promise<{
  port: number;
  connections: () => number;
  bytes: () => string;
}> {
  let count = 0;
  let bytes = '';
  server = net.createServer((socket) => {
    count += 1;
    socket.on('error', () => {});
    socket.write('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n');
    socket.on('data', (chunk: Buffer) => {
      bytes += chunk.toString('latin1');
      const tag = chunk.toString().split(' ')[0];
      socket.write(`* LIST () "/" INBOX\r\n${tag} OK done\r\n`);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => count,
    bytes: () => bytes,
  };
}

function memoryOf(incoming: Candidate, outgoing: Candidate): CheckMemory {
  const memory = new CheckMemory();
  memory.remember(recommending(incoming, outgoing));
  return memory;
}

function request(
  incoming: Endpoint,
  outgoing: Endpoint,
  allowInsecure: string[],
): RequestOf<'verify:run'> {
  return {
    operationId: 'v1',
    address: 'anna@example.test',
    incoming,
    outgoing,
    password: PASSWORD,
    allowInsecure,
  };
}

/** Anna's endpoint on the recorder's loopback port. */
function loopback(
  port: number,
  protocol: 'imap' | 'smtp',
  security: Endpoint['security'] = 'plain',
): Endpoint {
  return { protocol, host: '127.0.0.1', port, security, username: 'anna' };
}

const signal = new AbortController().signal;
const net3 = { timeoutMs: 2000 };

describe('main-process enforcement of the consent rules', () => {
  it('refuses hosts only an untrusted source named when the renderer sends no source consent', async () => {
    const fake = await recorder();
    const at = (protocol: 'imap' | 'smtp') => loopback(fake.port, protocol);
    const memory = memoryOf(candidateOf(at('imap'), false), candidateOf(at('smtp'), false));
    // The renderer skipped the untrusted-source box and sends a plaintext consent only.
    const result = await runVerify(
      request(at('imap'), at('smtp'), ['127.0.0.1']),
      { signal },
      net3,
      memory,
    );
    expect(result).toMatchObject({
      ok: true,
      value: { incoming: { ok: false, reason: 'untrusted-refused', attempts: 0 } },
    });
    expect(fake.connections()).toBe(0);
  });

  it('does not let a plaintext consent turn an endpoint the check saw as STARTTLS into plaintext', async () => {
    const fake = await recorder();
    const at = (protocol: 'imap' | 'smtp', security: Endpoint['security']) =>
      loopback(fake.port, protocol, security);
    const memory = memoryOf(
      candidateOf(at('imap', 'starttls'), true),
      candidateOf(at('smtp', 'starttls'), true),
    );
    const result = await runVerify(
      request(at('imap', 'plain'), at('smtp', 'plain'), ['127.0.0.1']),
      { signal },
      net3,
      memory,
    );
    expect(result).toMatchObject({
      ok: true,
      value: { incoming: { ok: false, reason: 'insecure-refused', attempts: 0 } },
    });
    expect(fake.bytes()).not.toContain(PASSWORD);
    expect(fake.connections()).toBe(0);
  });

  it('still logs in where the check and the consents agree', async () => {
    const fake = await recorder();
    const at = (protocol: 'imap' | 'smtp') => loopback(fake.port, protocol);
    const memory = memoryOf(candidateOf(at('imap'), false), candidateOf(at('smtp'), false));
    await runVerify(
      request(at('imap'), at('smtp'), ['127.0.0.1', 'source:127.0.0.1']),
      { signal },
      net3,
      memory,
    );
    expect(fake.connections()).toBeGreaterThan(0);
  });
});
