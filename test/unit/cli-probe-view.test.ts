/**
 * The probe table and JSON as `mailsetup probe` prints them: a port that never answered still
 * names the protocol it should speak, and every finding carries a `port` member.
 */
import { describe, expect, it } from 'vitest';
import { createColours } from '../../electron/cli/colour.ts';
import {
  pendingCells,
  portCells,
  probeColumns,
  probeJson,
  expectedProtocol,
} from '../../electron/cli/probe-view.ts';
import { createTranslate } from '../../electron/cli/translate.ts';
import type { PortResult, ProbeReport } from '../../shared/model.ts';

const t = createTranslate('en');
const colours = createColours({ isTTY: false } as never, {});

function silentPort(port: number): PortResult {
  return {
    port,
    protocol: 'imap',
    security: 'plain',
    status: 'timeout',
    tls: null,
    capabilities: [],
    auth: [],
    error: 'connect-timeout',
    ms: 1000,
  };
}

describe('probe table cells', () => {
  it('names the expected protocol of a silent standard port', () => {
    const cells = [993, 995, 465, 143, 110, 587, 25].map(
      (port) => portCells(t, { ...silentPort(port), protocol: 'imap' }, colours).protocol,
    );
    expect(cells).toEqual(['IMAP', 'POP3', 'SMTP', 'IMAP', 'POP3', 'SMTP', 'SMTP'].map(dimmed));
  });

  it('leaves the protocol blank for an unknown port that never answered', () => {
    expect(portCells(t, silentPort(4444), colours).protocol).toBe('');
    expect(expectedProtocol(4444)).toBeUndefined();
  });

  it('shows the protocol recognised from the greeting when the port answered', () => {
    const answered: PortResult = { ...silentPort(4444), protocol: 'pop3', status: 'ok' };
    answered.greeting = '+OK ready';
    expect(portCells(t, answered, colours).protocol).toBe('POP3');
  });

  it('names the protocol while a port is still pending', () => {
    expect(pendingCells(t, '587', colours).protocol).toEqual(dimmed('SMTP'));
  });
});

describe('probe table columns', () => {
  it.each(['en', 'de'] as const)('fit every status and certificate word uncut (%s)', (lng) => {
    const tr = createTranslate(lng);
    const columns = probeColumns(tr);
    const width = (key: string): number => columns.find((c) => c.key === key)?.width ?? 0;
    const words = {
      status: ['ok', 'refused', 'timeout', 'unreachable', 'tls-error', 'protocol-error', 'closed'],
      certificate: [
        'valid',
        'expired',
        'not-yet-valid',
        'hostname-mismatch',
        'self-signed',
        'untrusted',
      ],
    };
    for (const [group, keys] of Object.entries(words)) {
      for (const key of keys) {
        const text = tr(`cli:${group}.${key}`);
        expect(text).not.toContain(`${group}.`);
        expect(text.length).toBeLessThanOrEqual(width(group));
      }
    }
  });
});

describe('probe JSON', () => {
  it('gives every finding a port, null for a finding about the whole host', () => {
    const report: ProbeReport = {
      host: 'nothing.test',
      addresses: [],
      ports: [],
      findings: [
        { severity: 'error', code: 'host-unresolved', params: { reason: 'ENOTFOUND' } },
        { severity: 'warning', code: 'port-timeout', port: 110 },
      ],
      ms: 3,
    };
    const doc = probeJson(t, report) as { findings: Array<Record<string, unknown>> };
    expect(doc.findings.map((f) => [f.code, f.port])).toEqual([
      ['host-unresolved', null],
      ['port-timeout', 110],
    ]);
    for (const finding of doc.findings) {
      expect(Object.keys(finding)).toEqual(
        expect.arrayContaining(['severity', 'code', 'port', 'message']),
      );
      expect(String(finding.message).length).toBeGreaterThan(0);
    }
  });
});

/** Without a terminal the dim paint is the identity, so a dimmed cell is a text cell. */
function dimmed(text: string): { text: string; paint: unknown } {
  return { text, paint: expect.any(Function) } as never;
}
