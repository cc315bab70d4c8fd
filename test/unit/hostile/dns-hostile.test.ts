/**
 * The engine's resolver (and discovery on top of it) against a DNS server that misbehaves on
 * purpose: CNAME chains and loops, a hundred MX records (over TCP after truncation), SRV records
 * with "." targets, port 0 and absurd priorities, garbage answers and silence. Each ends in
 * addresses/records or a DNS error code, within the timeout, bounded to 64 records.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createResolver } from '../../../electron/engine/net/resolver.ts';
import { discoveryDns } from '../../../electron/engine/discover/dns.ts';
import { srvCandidates } from '../../../electron/engine/discover/srv.ts';
import { parseAddress } from '../../../shared/address.ts';
import { timed } from '../../hostile/guards.ts';
import { rdata, startFakeDns, TYPE, type FakeDns, type Script } from '../../hostile/dns-server.ts';

const TIMEOUT = 1500;
const servers: FakeDns[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function resolverFor(script: Script) {
  const dns = await startFakeDns(script);
  servers.push(dns);
  return { dns, resolver: createResolver({ server: dns.server, timeoutMs: TIMEOUT }) };
}

/** Settles a promise into its value or its error code. */
async function settle<T>(promise: Promise<T>): Promise<{ value?: T; code?: string }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { code: (error as { code?: string }).code ?? 'unknown' };
  }
}

const chain = (length: number) => (name: string, type: number) => {
  const match = /^c(\d+)\.chain\.test$/.exec(name);
  if (!match || (type !== TYPE.A && type !== TYPE.AAAA)) return [];
  const records = [];
  for (let i = Number(match[1]); i < length; i++) {
    records.push({
      name: `c${i}.chain.test`,
      type: TYPE.CNAME,
      data: rdata.cname(`c${i + 1}.chain.test`),
    });
  }
  if (type === TYPE.A)
    records.push({ name: `c${length}.chain.test`, type: TYPE.A, data: rdata.a('127.0.0.1') });
  return records;
};

describe('resolver against a hostile DNS server', () => {
  it('follows a CNAME chain of 20 to its address', async () => {
    const { resolver } = await resolverFor(chain(20));
    expect(await resolver.lookup('c0.chain.test')).toEqual(['127.0.0.1']);
  });

  it('a CNAME loop ends in an error code, not a hang', async () => {
    const { resolver } = await resolverFor((name) => [
      {
        name,
        type: TYPE.CNAME,
        data: rdata.cname(name.startsWith('a.') ? 'b.loop.test' : 'a.loop.test'),
      },
    ]);
    const { value: outcome, ms } = await timed(() => settle(resolver.lookup('a.loop.test')));
    expect(outcome.value ?? []).toEqual([]);
    expect(outcome.code).toMatch(/^E[A-Z]+$/);
    expect(ms).toBeLessThan(2 * TIMEOUT + 500);
  });

  it('a hundred MX records (truncated over UDP, whole over TCP) are cut to 64', async () => {
    const { resolver, dns } = await resolverFor((name, type) =>
      type === TYPE.MX
        ? Array.from({ length: 100 }, (_, i) => ({
            name,
            type,
            data: rdata.mx(i, `mx${i}.hoster.test`),
          }))
        : [],
    );
    const records = await resolver.mx('many.test');
    expect(records).toHaveLength(64);
    expect(dns.asked.filter((q) => q === `many.test ${TYPE.MX}`).length).toBeGreaterThanOrEqual(2);
  });

  it('SRV "." targets, port 0 and absurd priorities reach discovery, which keeps only usable ones', async () => {
    const { resolver } = await resolverFor((name, type) =>
      type === TYPE.SRV && name.startsWith('_imaps.')
        ? [
            { name, type, data: rdata.srv(0, 0, 0, '.') },
            { name, type, data: rdata.srv(65535, 65535, 993, 'mail.srv.test') },
            { name, type, data: rdata.srv(0, 0, 0, 'zero.srv.test') },
          ]
        : 'nxdomain',
    );
    const address = parseAddress('jane@srv.test');
    if (!address.ok) throw new Error('address');
    const answer = await srvCandidates(
      address.value,
      discoveryDns(resolver),
      AbortSignal.timeout(5000),
    );
    expect(answer.outcome).toBe('found');
    if (answer.outcome !== 'found') return;
    expect(answer.found.incoming.map((c) => `${c.host}:${c.port}`)).toEqual(['mail.srv.test:993']);
  });

  it('garbage bytes as an answer: an error code', async () => {
    const { resolver } = await resolverFor(() => ({
      raw: Buffer.from('\u0000\u0001garbage that is not DNS'),
    }));
    const { value: outcome, ms } = await timed(() => settle(resolver.mx('garbage.test')));
    expect(outcome.code).toMatch(/^E[A-Z]+$/);
    expect(ms).toBeLessThan(2 * TIMEOUT + 500);
  });

  it('a silent server: ETIMEOUT within the timeout', async () => {
    const { resolver } = await resolverFor(() => 'silent');
    const { value: outcome, ms } = await timed(() => settle(resolver.lookup('silent.test')));
    expect(outcome.code).toBe('ETIMEOUT');
    expect(ms).toBeLessThan(2 * TIMEOUT + 500);
  });
});
