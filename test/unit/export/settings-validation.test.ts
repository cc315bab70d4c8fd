import { describe, expect, it } from 'vitest';
import { validateSettings } from '../../../shared/export/settings-validation.ts';
import { JANE } from './fixtures.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests break the shape on purpose
type Loose = Record<string, any>;
const clone = () => JSON.parse(JSON.stringify(JANE)) as Loose;

describe('validateSettings', () => {
  it('accepts good settings and the whole output of check --json', () => {
    expect(validateSettings(clone())).toEqual({ ok: true, settings: JANE });
    expect(validateSettings({ address: 'x', recommended: clone() })).toEqual({
      ok: true,
      settings: JANE,
    });
    const { address, incoming, outgoing } = clone();
    const candidate = { source: 'autoconfig', trusted: true, auth: ['PLAIN'] };
    const checkJson = {
      address,
      recommended: {
        incoming: { ...incoming, ...candidate },
        outgoing: { ...outgoing, ...candidate },
      },
    };
    expect(validateSettings(checkJson)).toEqual({
      ok: true,
      settings: { address, incoming, outgoing },
    });
    // As printed: the lists of all candidates sit beside `recommended`.
    const printed = { ...checkJson, incoming: [incoming], outgoing: [], probes: [] };
    expect(validateSettings(printed)).toEqual({
      ok: true,
      settings: { address, incoming, outgoing },
    });
  });

  it('turns internationalised host names into their ASCII form', () => {
    const input = clone();
    input.incoming.host = 'IMAP.Bücher.example';
    const result = validateSettings(input);
    expect(result.ok && result.settings.incoming.host).toBe('imap.xn--bcher-kva.example');
  });

  const bad: Array<[string, (s: Loose) => void, string, string]> = [
    ['no address', (s) => delete s.address, 'address', 'missing'],
    ['address without @', (s) => (s.address = 'jane.example.com'), 'address', 'invalid'],
    ['incoming missing', (s) => delete s.incoming, 'incoming', 'missing'],
    ['incoming a string', (s) => (s.incoming = 'imap.example.com'), 'incoming', 'wrong-type'],
    ['SMTP as incoming', (s) => (s.incoming.protocol = 'smtp'), 'incoming.protocol', 'invalid'],
    ['port as text', (s) => (s.incoming.port = '993'), 'incoming.port', 'wrong-type'],
    ['port out of range', (s) => (s.outgoing.port = 70000), 'outgoing.port', 'invalid'],
    [
      'host with a space',
      (s) => (s.outgoing.host = 'smtp example.com'),
      'outgoing.host',
      'invalid',
    ],
    ['host with a path', (s) => (s.outgoing.host = 'evil.com/x'), 'outgoing.host', 'invalid'],
    ['unknown security', (s) => (s.outgoing.security = 'ssl'), 'outgoing.security', 'invalid'],
    ['no username', (s) => delete s.outgoing.username, 'outgoing.username', 'missing'],
    ['name too long', (s) => (s.displayName = 'x'.repeat(1001)), 'displayName', 'too-long'],
    ['name not text', (s) => (s.displayName = 42), 'displayName', 'wrong-type'],
  ];
  for (const [label, mutate, field, code] of bad) {
    it(`names the field when ${label}`, () => {
      const input = clone();
      mutate(input);
      const result = validateSettings(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ field, code });
    });
  }

  it('rejects values that are not an object', () => {
    for (const input of [null, 42, 'x', []]) expect(validateSettings(input).ok).toBe(false);
  });
});
