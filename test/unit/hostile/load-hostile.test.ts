/**
 * Under load: one probe over 40 ports, and 24 login checks at once, against a mix of healthy and
 * hostile servers. Nothing is lost (one result per port / per check, each named), nothing waits
 * much longer than one step timeout, no connection stays open and no rejection goes unhandled.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { probe } from '../../../electron/engine/probe/index.ts';
import type { Resolver } from '../../../electron/engine/net/resolver.ts';
import { verifyEndpoint } from '../../../electron/engine/verify/index.ts';
import { collectUnhandled, measureHeap, timed, type Collector } from '../../hostile/guards.ts';
import {
  closeMidGreeting,
  continuationFlood,
  dialogue,
  drip,
  endlessLine,
  silent,
  startHostileServer,
  tagOf,
  type Behaviour,
  type HostileServer,
} from '../../hostile/servers.ts';

const TIMEOUT = 1500;
const loopback: Resolver = {
  lookup: async () => ['127.0.0.1'],
  mx: async () => [],
  srv: async () => [],
};

const healthy: Behaviour = dialogue('* OK IMAP4rev1 ready\r\n', (line) => {
  const tag = tagOf(line);
  if (/ CAPABILITY$/i.test(line)) return `* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n${tag} OK\r\n`;
  if (/ LOGOUT$/i.test(line)) return `* BYE\r\n${tag} OK\r\n`;
  if (/ LIST /i.test(line)) return `* LIST () "/" INBOX\r\n${tag} OK\r\n`;
  if (/ (LOGIN|AUTHENTICATE)/i.test(line)) return `${tag} NO [AUTHENTICATIONFAILED] no\r\n`;
  return `${tag} OK\r\n`;
});

const MIX: Behaviour[] = [
  healthy,
  silent,
  drip('* OK IMAP4rev1 ready\r\n', 500),
  closeMidGreeting('* OK IMAP'),
  endlessLine('* OK '),
  continuationFlood('* OK IMAP4rev1 ready\r\n', '* NOISE\r\n'),
];

let unhandled: Collector;
const servers: HostileServer[] = [];
beforeAll(() => {
  unhandled = collectUnhandled();
});
afterAll(() => unhandled.stop());
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  expect(unhandled.problems).toEqual([]);
});

/**
 * For the login checks: stalls and breaks, no floods. The floods run in this same process on both
 * ends and would starve the healthy checks of CPU; they have their own tests.
 */
const QUIET_MIX: Behaviour[] = MIX.slice(0, 4);

async function fleet(count: number, mix = MIX): Promise<HostileServer[]> {
  const started = await Promise.all(
    Array.from({ length: count }, (_, i) => startHostileServer(mix[i % mix.length]!)),
  );
  servers.push(...started);
  return started;
}

describe('under load', () => {
  it('one probe over 40 hostile and healthy ports: 40 named results in about one timeout', async () => {
    const fleetOf = await fleet(40);
    const { value, growth } = await measureHeap(() =>
      timed(() =>
        probe('load.test', {
          ports: fleetOf.map((server) => ({
            port: server.port,
            protocol: 'imap',
            security: 'starttls',
          })),
          resolver: loopback,
          timeoutMs: TIMEOUT,
        }),
      ),
    );
    const report = value.value;
    expect(report.ports).toHaveLength(40);
    expect(new Set(report.ports.map((p) => p.port))).toEqual(new Set(fleetOf.map((s) => s.port)));
    for (const port of report.ports) {
      if (port.status !== 'ok') expect(port.error, `port ${port.port}`).toBeTruthy();
    }
    expect(report.ports.filter((p) => p.status === 'ok').length).toBeGreaterThanOrEqual(
      40 / MIX.length,
    );
    expect(value.ms).toBeLessThan(2 * TIMEOUT + 2000);
    expect(growth).toBeLessThan(32 * 1024 * 1024);
    const open = await Promise.all(fleetOf.map((server) => server.settle()));
    expect(open.every((count) => count === 0)).toBe(true);
  });

  it('24 login checks at once: 24 named failures, the healthy ones classified exactly', async () => {
    const fleetOf = await fleet(24, QUIET_MIX);
    const { value, ms } = await timed(() =>
      Promise.all(
        fleetOf.map((server) =>
          verifyEndpoint(
            {
              protocol: 'imap',
              host: '127.0.0.1',
              port: server.port,
              security: 'plain',
              username: 'u',
            },
            {
              password: 'Load-Pa55',
              allowInsecure: ['127.0.0.1'],
              resolver: loopback,
              timeoutMs: TIMEOUT,
            },
          ),
        ),
      ),
    );
    expect(value).toHaveLength(24);
    value.forEach((result, i) => {
      expect(result.ok).toBe(false);
      if (!result.ok && QUIET_MIX[i % QUIET_MIX.length] === healthy)
        expect(result.reason).toBe('wrong-credentials');
      if (!result.ok) expect(result.reason).toBeTruthy();
    });
    expect(ms).toBeLessThan(2 * TIMEOUT + 2000);
    const open = await Promise.all(fleetOf.map((server) => server.settle()));
    expect(open.every((count) => count === 0)).toBe(true);
  });
});
