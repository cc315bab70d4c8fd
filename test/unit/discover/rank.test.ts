import { describe, expect, it } from 'vitest';
import type { Candidate, PortResult, ProbeReport, Security } from '../../../shared/model.ts';
import {
  pickBest,
  rankCandidates,
  recommendationFindings,
} from '../../../electron/engine/choose/rank.ts';
import { candidate } from '../../helpers/fixtures.ts';

function port(over: Partial<PortResult> & { certOk?: boolean }): PortResult {
  const { certOk = true, ...rest } = over;
  const security: Security = rest.security ?? 'tls';
  return {
    port: 993,
    protocol: 'imap',
    security,
    status: 'ok',
    tls:
      security === 'plain'
        ? null
        : {
            version: 'TLSv1.3',
            cipher: null,
            trusted: certOk,
            hostnameMatch: certOk,
            certificate: null,
            ...(certOk ? {} : { error: 'CERT_HAS_EXPIRED' }),
          },
    capabilities: [],
    auth: [],
    ms: 1,
    ...rest,
  };
}

function report(host: string, ports: PortResult[]): ProbeReport {
  return { host, addresses: ['127.0.0.1'], ports, findings: [], ms: 1 };
}

const key = (c: Candidate | null) => (c ? `${c.protocol}:${c.host}:${c.port}` : null);

describe('rankCandidates', () => {
  it('prefers implicit TLS over STARTTLS over plain', () => {
    const list = [
      candidate({ port: 143, security: 'plain' }),
      candidate({ port: 143, security: 'starttls', host: 'b' }),
      candidate({ port: 993, security: 'tls', host: 'c' }),
    ];
    expect(rankCandidates(list, []).map(key)).toEqual([
      'imap:c:993',
      'imap:b:143',
      'imap:mail.example.com:143',
    ]);
  });

  it('puts a working port before one that did not answer', () => {
    const list = [
      candidate({ host: 'dead' }),
      candidate({ host: 'alive', port: 143, security: 'starttls' }),
    ];
    const probes = [
      report('dead', [port({ status: 'refused' })]),
      report('alive', [port({ port: 143, security: 'starttls' })]),
    ];
    expect(key(pickBest(rankCandidates(list, probes), probes))).toBe('imap:alive:143');
  });

  it('ranks a valid certificate above implicit TLS with a broken one', () => {
    const list = [
      candidate({ host: 'expired' }),
      candidate({ host: 'valid', port: 143, security: 'starttls' }),
    ];
    const probes = [
      report('expired', [port({ certOk: false })]),
      report('valid', [port({ port: 143, security: 'starttls' })]),
    ];
    expect(rankCandidates(list, probes).map(key)).toEqual(['imap:valid:143', 'imap:expired:993']);
  });

  it('uses the security actually reached, not the one announced', () => {
    const list = [
      candidate({ host: 'liar', port: 143, security: 'starttls' }),
      candidate({ host: 'honest', port: 110, protocol: 'pop3', security: 'starttls' }),
    ];
    const probes = [
      report('liar', [port({ port: 143, security: 'plain', starttlsOffered: false })]),
      report('honest', [port({ port: 110, protocol: 'pop3', security: 'starttls' })]),
    ];
    expect(key(rankCandidates(list, probes)[0] ?? null)).toBe('pop3:honest:110');
  });

  it('then trusted sources, then IMAP over POP3, then submission over port 25, then source order', () => {
    expect(
      rankCandidates([candidate({ trusted: false, host: 'u' }), candidate({ host: 't' })], []).map(
        key,
      ),
    ).toEqual(['imap:t:993', 'imap:u:993']);
    expect(
      rankCandidates([candidate({ protocol: 'pop3', port: 995 }), candidate({})], []).map(key),
    ).toEqual(['imap:mail.example.com:993', 'pop3:mail.example.com:995']);
    const smtp = [
      candidate({ protocol: 'smtp', port: 25, security: 'starttls' }),
      candidate({ protocol: 'smtp', port: 587, security: 'starttls' }),
    ];
    expect(rankCandidates(smtp, []).map(key)).toEqual([
      'smtp:mail.example.com:587',
      'smtp:mail.example.com:25',
    ]);
    expect(
      rankCandidates([candidate({ host: 'first' }), candidate({ host: 'second' })], []).map(key),
    ).toEqual(['imap:first:993', 'imap:second:993']);
  });

  it('recommends nothing when every probed port failed', () => {
    const probes = [report('mail.example.com', [port({ status: 'timeout' })])];
    expect(pickBest(rankCandidates([candidate({})], probes), probes)).toBeNull();
    expect(pickBest([], [])).toBeNull();
  });
});

describe('recommendationFindings', () => {
  it('flags plaintext and invalid certificates as errors, untrusted sources as warnings', () => {
    const plain = candidate({ port: 143, security: 'plain' });
    expect(recommendationFindings(plain, [])).toEqual([
      expect.objectContaining({ severity: 'error', code: 'recommended-plaintext', port: 143 }),
    ]);
    const probes = [report('mail.example.com', [port({ certOk: false })])];
    expect(recommendationFindings(candidate({}), probes)).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'recommended-invalid-cert',
        host: 'mail.example.com',
      }),
    ]);
    const untrusted = recommendationFindings(
      candidate({ trusted: false, source: 'srv', origin: 'x' }),
      [],
    );
    expect(untrusted).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'untrusted-source' }),
    ]);
    expect(recommendationFindings(candidate({}), [report('mail.example.com', [port({})])])).toEqual(
      [],
    );
    expect(recommendationFindings(null, [])).toEqual([]);
  });
});
