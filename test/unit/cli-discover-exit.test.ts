/** `mailsetup discover`/`check` exit codes from a discovery result (README: 0, 1, 3). */
import { describe, expect, it } from 'vitest';
import { exitCode } from '../../electron/cli/commands/discover.ts';
import type { DiscoveryResult } from '../../electron/engine/discover/index.ts';
import type { Candidate, SourceReport } from '../../shared/model.ts';

function report(source: SourceReport['source'], outcome: SourceReport['outcome']): SourceReport {
  return {
    source,
    url: `${source}:`,
    outcome,
    trusted: false,
    ms: 1,
    ...(outcome === 'error' ? { error: 'dns-error' } : {}),
  };
}

function result(sources: SourceReport[], incoming: Candidate[] = []): DiscoveryResult {
  return { address: 'jane@example.org', domain: 'example.org', sources, incoming, outgoing: [] };
}

const NETWORK = ['autoconfig', 'autoconfig-http', 'ispdb', 'srv', 'mx', 'autodiscover'] as const;

describe('discover exit code', () => {
  it('is 3 when every network source failed, even though guessing then found nothing', () => {
    const sources = [
      report('provider', 'none'),
      ...NETWORK.map((s) => report(s, 'error')),
      report('guess', 'none'),
    ];
    expect(exitCode(result(sources))).toBe(3);
  });

  it('is 1 when a network source answered that there is nothing', () => {
    const sources = [
      report('provider', 'none'),
      ...NETWORK.map((s) => report(s, s === 'srv' ? 'none' : 'error')),
      report('guess', 'none'),
    ];
    expect(exitCode(result(sources))).toBe(1);
  });

  it('is 1 offline (only built-in knowledge asked) and 0 when settings were found', () => {
    expect(exitCode(result([report('provider', 'none')]))).toBe(1);
    const candidate: Candidate = {
      protocol: 'imap',
      host: 'imap.example.org',
      port: 993,
      security: 'tls',
      username: 'jane@example.org',
      auth: [],
      source: 'guess',
      origin: 'imap.example.org',
      trusted: true,
    };
    expect(exitCode(result([report('guess', 'found')], [candidate]))).toBe(0);
  });
});
