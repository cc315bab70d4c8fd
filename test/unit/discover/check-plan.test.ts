import { describe, expect, it } from 'vitest';
import { MAX_PROBED_HOSTS, planHosts } from '../../../electron/engine/choose/check-probes.ts';
import { candidate } from '../../helpers/fixtures.ts';

describe('planHosts', () => {
  it('plans each host once, with the standard ports of its protocols plus named extra ports', () => {
    const plans = planHosts(
      [
        candidate({}),
        candidate({ port: 143, security: 'starttls' }),
        candidate({ host: 'imap.other.example', port: 1993 }),
      ],
      [candidate({ protocol: 'smtp', port: 465 })],
    );
    expect(plans.map((p) => p.host)).toEqual(['mail.example.com', 'imap.other.example']);
    expect(plans[0]?.targets.map((t) => t.port)).toEqual([993, 465, 143, 587, 25]);
    expect(plans[1]?.targets).toEqual([
      { port: 993, protocol: 'imap', security: 'tls' },
      { port: 143, protocol: 'imap', security: 'starttls' },
      { port: 1993, protocol: 'imap', security: 'tls' },
    ]);
  });

  it('probes a bounded number of hosts, taking both sides alternately', () => {
    const incoming = Array.from({ length: 50 }, (_, i) => candidate({ host: `in${i}.example` }));
    const outgoing = Array.from({ length: 50 }, (_, i) =>
      candidate({ protocol: 'smtp', port: 465, host: `out${i}.example` }),
    );
    const hosts = planHosts(incoming, outgoing).map((p) => p.host);
    expect(hosts).toHaveLength(MAX_PROBED_HOSTS);
    expect(hosts.slice(0, 4)).toEqual([
      'in0.example',
      'out0.example',
      'in1.example',
      'out1.example',
    ]);
  });
});
