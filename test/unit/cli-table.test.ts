/**
 * The live table on a narrow terminal: rows are cut to the terminal width (colour codes kept), so
 * no row wraps and the in-place redraw stays on its row.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { visibleLength } from '../../electron/cli/colour.ts';
import { createColours } from '../../electron/cli/colour.ts';
import { pendingCells, portCells, probeColumns } from '../../electron/cli/probe-view.ts';
import { cutToWidth, LiveTable } from '../../electron/cli/table.ts';
import { createTranslate } from '../../electron/cli/translate.ts';
import type { PortResult } from '../../shared/model.ts';

describe('cutToWidth', () => {
  it('leaves a line that fits alone, and cuts a longer one with an ellipsis', () => {
    expect(cutToWidth('short line', 20)).toBe('short line');
    expect(cutToWidth('0123456789abcdef', 10)).toBe('012345678…');
    expect(cutToWidth('0123456789abcdef', undefined)).toBe('0123456789abcdef');
  });

  it('counts only visible characters, keeps colour codes and resets after a cut', () => {
    const line = `\x1b[32mgreen\x1b[39m and \x1b[31mred text that is long\x1b[39m`;
    const cut = cutToWidth(line, 12);
    expect(visibleLength(cut)).toBe(12);
    expect(cut).toBe('\x1b[32mgreen\x1b[39m and \x1b[31mr…\x1b[0m');
  });
});

describe('LiveTable on a narrow terminal', () => {
  it.each(['en', 'de'] as const)('never writes a row wider than the terminal (%s)', (lng) => {
    const t = createTranslate(lng);
    const out = Object.assign(new PassThrough(), { isTTY: true, columns: 60 });
    let written = '';
    out.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const colours = createColours(out, {});
    const table = new LiveTable(out, probeColumns(t), ['993'], { live: true });
    table.drawPending((row) => pendingCells(t, row, colours));
    const result: PortResult = {
      port: 993,
      protocol: 'imap',
      security: 'tls',
      status: 'ok',
      greeting: '* OK ready',
      tls: {
        version: 'TLSv1.3',
        cipher: 'TLS_AES_256_GCM_SHA384',
        trusted: false,
        hostnameMatch: true,
        certificate: {
          subject: 'CN=x',
          issuer: 'CN=y',
          validFrom: '2020-01-01T00:00:00.000Z',
          validTo: '2999-01-01T00:00:00.000Z',
          altNames: ['x'],
          sha256: 'AA',
          selfSigned: false,
        },
      },
      capabilities: [],
      auth: ['PLAIN', 'LOGIN', 'XOAUTH2', 'OAUTHBEARER', 'SCRAM-SHA-256'],
      ms: 12,
    };
    table.update('993', portCells(t, result, colours));
    // eslint-disable-next-line no-control-regex
    const rows = written.split('\n').map((line) => line.replace(/\x1b\[\d*[ABK]|\r/g, ''));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(visibleLength(row)).toBeLessThanOrEqual(60);
    // The redraw still carries the start of the row.
    expect(written).toContain('993');
  });
});
