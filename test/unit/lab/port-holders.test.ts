import { describe, expect, it } from 'vitest';
import { describeBusy, holderOf, parseListener, type LabPort } from '../../lab/port-holders.ts';

const SS = [
  'udp   UNCONN 0      0          127.0.0.1:5353       0.0.0.0:*    users:(("dnsmasq",pid=812,fd=4))',
  'tcp   LISTEN 0      100          0.0.0.0:25         0.0.0.0:*    users:(("master",pid=901,fd=13))',
  'tcp   LISTEN 0      100             [::]:993           [::]:*',
  'tcp   LISTEN 0      4096   127.0.0.53%lo:53         0.0.0.0:*    users:(("systemd-resolve",pid=77,fd=14))',
  'tcp   LISTEN 0      128       127.0.0.2:143        0.0.0.0:*    users:(("python3",pid=5,fd=3))',
];
const all = SS.map(parseListener).filter((l) => l !== undefined);
const tcp = (host: string, port: number): LabPort => ({ host, port, protocol: 'tcp' });

describe('lab port holders (ss -Hltunp)', () => {
  it('reads protocol, address, port and process, also for IPv6 and scoped addresses', () => {
    expect(all).toHaveLength(5);
    expect(all[0]).toEqual({
      protocol: 'udp',
      address: '127.0.0.1',
      port: 5353,
      process: 'dnsmasq (pid 812)',
    });
    expect(all[2]).toMatchObject({ address: '::', port: 993, process: undefined });
    expect(all[3]).toMatchObject({ address: '127.0.0.53', port: 53 });
    expect(parseListener('Netid State Recv-Q')).toBeUndefined();
  });

  it('finds the holder on the same address or on every address, for the same protocol only', () => {
    expect(holderOf({ host: '127.0.0.1', port: 5353, protocol: 'udp' }, all)?.process).toBe(
      'dnsmasq (pid 812)',
    );
    expect(holderOf(tcp('127.0.0.1', 5353), all)).toBeUndefined();
    expect(holderOf(tcp('127.0.10.1', 25), all)?.process).toBe('master (pid 901)');
    expect(holderOf(tcp('127.0.10.4', 993), all)?.address).toBe('::');
    expect(holderOf(tcp('127.0.10.1', 143), all)).toBeUndefined();
    expect(holderOf(tcp('127.0.0.2', 143), all)?.process).toBe('python3 (pid 5)');
  });

  it('says in one line which ports are busy and who holds them, grouped by holder', () => {
    const busy = ['127.0.10.1', '127.0.10.2', '127.0.10.3'].map((host) => ({
      port: tcp(host, 25),
      holder: holderOf(tcp(host, 25), all),
    }));
    busy.push({ port: tcp('127.0.10.1', 993), holder: holderOf(tcp('127.0.10.1', 993), all) });
    busy.push({ port: tcp('127.0.20.1', 443), holder: undefined });
    const line = describeBusy(busy);
    expect(line).not.toContain('\n');
    expect(line).toBe(
      '127.0.10.1:25, 127.0.10.2:25 and 1 more: held by master (pid 901) on 0.0.0.0:25; ' +
        "127.0.10.1:993: held by another user's process (sudo ss -ltunp names it) on [::]:993; " +
        '127.0.20.1:443: in use',
    );
  });
});
