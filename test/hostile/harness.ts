/**
 * The frame every hostile-server test file shares: test certificates, a resolver that sends every
 * name to loopback, an unhandled-rejection collector checked after each test, and `serve()`, which
 * starts a hostile server (STARTTLS with the good certificate) and closes it after the test.
 * Call `useHostileHarness()` once at the top of a test file.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Resolver } from '../../electron/engine/net/resolver.ts';
import { makeHostileCerts, type HostileCerts } from './certs.ts';
import { collectUnhandled, type Collector } from './guards.ts';
import {
  startHostileServer,
  type Behaviour,
  type HostileOptions,
  type HostileServer,
} from './servers.ts';

/** Answers every name with 127.0.0.1 and has no MX or SRV records. */
export const loopbackResolver: Resolver = {
  lookup: async () => ['127.0.0.1'],
  mx: async () => [],
  srv: async () => [],
};

export interface HostileHarness {
  /** The test certificates (available from `beforeAll` on). */
  certs(): HostileCerts;
  serve(behaviour: Behaviour, options?: HostileOptions): Promise<HostileServer>;
}

export function useHostileHarness(): HostileHarness {
  let certs: HostileCerts | undefined;
  let unhandled: Collector | undefined;
  const servers: HostileServer[] = [];
  const certsOrThrow = (): HostileCerts => {
    if (!certs) throw new Error('hostile certificates are made in beforeAll');
    return certs;
  };

  beforeAll(() => {
    certs = makeHostileCerts();
    unhandled = collectUnhandled();
  });
  afterAll(() => unhandled?.stop());
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
    expect(unhandled?.problems).toEqual([]);
  });

  return {
    certs: certsOrThrow,
    async serve(behaviour, options = {}) {
      const good = certsOrThrow().good;
      const server = await startHostileServer(behaviour, {
        starttls: { key: good.key, cert: good.cert },
        ...options,
      });
      servers.push(server);
      return server;
    },
  };
}
