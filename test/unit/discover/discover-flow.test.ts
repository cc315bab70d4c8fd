import { describe, expect, it } from 'vitest';
import type { ProbeReport, Protocol } from '../../../shared/model.ts';
import { discover, type HostProber } from '../../../electron/engine/discover/index.ts';
import type { Resolver } from '../../../electron/engine/net/resolver.ts';
import { parsedAddress } from '../../helpers/fixtures.ts';

/** A DNS where no name exists: every source finds nothing, quickly. */
const nxdomain: Resolver = {
  lookup: () => Promise.reject(Object.assign(new Error('nx'), { code: 'ENOTFOUND' })),
  mx: () => Promise.reject(Object.assign(new Error('nx'), { code: 'ENOTFOUND' })),
  srv: () => Promise.reject(Object.assign(new Error('nx'), { code: 'ENOTFOUND' })),
};

/** Pretends only `mail.<domain>` answers, with IMAP on 993 and SMTP on 587. */
function fakeProber(asked: string[]): HostProber {
  return async (host: string, protocols: readonly Protocol[]): Promise<ProbeReport> => {
    asked.push(`${host}:${protocols.join('+')}`);
    const ports = host.startsWith('mail.')
      ? [
          { port: 993, protocol: 'imap' as const, security: 'tls' as const },
          { port: 587, protocol: 'smtp' as const, security: 'starttls' as const },
        ].map((p) => ({
          ...p,
          status: 'ok' as const,
          tls: null,
          capabilities: [],
          auth: ['PLAIN'],
          ms: 1,
        }))
      : [];
    return { host, addresses: ports.length ? ['127.0.0.1'] : [], ports, findings: [], ms: 1 };
  };
}

describe('discover (flow)', () => {
  it('guesses only when no other source found anything, and keeps what answered', async () => {
    const asked: string[] = [];
    const result = await discover(parsedAddress('a@nowhere.example'), {
      resolver: nxdomain,
      prober: fakeProber(asked),
      timeoutMs: 2000,
    });
    expect(result.sources.filter((s) => s.outcome !== 'none')).toEqual([
      expect.objectContaining({ source: 'guess', outcome: 'found', trusted: true }),
    ]);
    expect(asked).toEqual(
      expect.arrayContaining([
        'imap.nowhere.example:imap',
        'smtp.nowhere.example:smtp',
        'mail.nowhere.example:imap+pop3+smtp',
      ]),
    );
    expect(result.incoming).toEqual([
      expect.objectContaining({
        host: 'mail.nowhere.example',
        port: 993,
        source: 'guess',
        auth: ['PLAIN'],
      }),
    ]);
    expect(result.outgoing).toEqual([
      expect.objectContaining({ host: 'mail.nowhere.example', port: 587, security: 'starttls' }),
    ]);
  });

  it('does not guess when a source found settings, nor when guessing is not among the sources asked', async () => {
    const asked: string[] = [];
    const known = await discover(parsedAddress('a@mailbox.org'), {
      resolver: nxdomain,
      prober: fakeProber(asked),
      timeoutMs: 2000,
    });
    expect(known.provider).toBe('mailbox-org');
    const filtered = await discover(parsedAddress('a@nowhere.example'), {
      resolver: nxdomain,
      prober: fakeProber(asked),
      sources: ['srv', 'mx'],
      timeoutMs: 2000,
    });
    expect(asked).toEqual([]);
    expect(filtered.sources.map((s) => s.source)).toEqual(['srv', 'mx']);
  });
});
