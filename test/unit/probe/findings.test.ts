import { describe, expect, it } from 'vitest';
import { deriveFindings } from '../../../electron/engine/probe/index.ts';
import type { PortResult, TlsFacts } from '../../../shared/model.ts';

const NOW = new Date('2026-06-15T12:00:00Z');

function tls(
  overrides: Partial<TlsFacts> = {},
  validFrom = '2026-01-01T00:00:00.000Z',
  validTo = '2026-12-31T00:00:00.000Z',
): TlsFacts {
  return {
    version: 'TLSv1.3',
    cipher: 'TLS_AES_256_GCM_SHA384',
    trusted: true,
    hostnameMatch: true,
    certificate: {
      subject: 'CN=mail.example.test',
      issuer: 'CN=Example CA',
      validFrom,
      validTo,
      altNames: ['mail.example.test'],
      sha256: 'AA:BB',
      selfSigned: false,
    },
    ...overrides,
  };
}

function port(overrides: Partial<PortResult>): PortResult {
  return {
    port: 993,
    protocol: 'imap',
    security: 'tls',
    status: 'ok',
    tls: tls(),
    capabilities: ['IMAP4REV1', 'AUTH=PLAIN'],
    auth: ['PLAIN'],
    ms: 10,
    ...overrides,
  };
}

const summary = (ports: PortResult[]): string[] =>
  deriveFindings('mail.example.test', ports, NOW).map(
    (f) => `${f.severity}:${f.code}:${f.port ?? ''}`,
  );

describe('deriveFindings', () => {
  it('finds nothing wrong with a healthy TLS port', () => {
    expect(summary([port({})])).toEqual([]);
  });

  it('dates certificate problems against the given time', () => {
    const expired = deriveFindings(
      'mail.example.test',
      [
        port({
          tls: tls(
            { trusted: false, error: 'CERT_HAS_EXPIRED' },
            '2025-01-01T00:00:00Z',
            '2026-06-05T00:00:00Z',
          ),
        }),
      ],
      NOW,
    );
    expect(expired).toEqual([
      expect.objectContaining({
        code: 'cert-expired',
        severity: 'error',
        params: expect.objectContaining({ days: 11, date: '2026-06-05', port: 993 }),
      }),
    ]);
    expect(
      summary([port({ tls: tls({}, '2026-07-01T00:00:00Z', '2027-01-01T00:00:00Z') })]),
    ).toEqual(['error:cert-not-yet-valid:993']);
  });

  it('names what the certificate is for when the name does not match', () => {
    const [finding] = deriveFindings(
      'mail.example.test',
      [port({ tls: tls({ hostnameMatch: false }) })],
      NOW,
    );
    expect(finding).toMatchObject({
      code: 'cert-hostname-mismatch',
      params: { names: 'mail.example.test' },
    });
  });

  it('escalates refused and silent ports only when nothing on the host answers', () => {
    const refused = port({
      port: 995,
      protocol: 'pop3',
      status: 'refused',
      tls: null,
      capabilities: [],
      auth: [],
    });
    const silent = port({
      port: 465,
      protocol: 'smtp',
      status: 'timeout',
      tls: null,
      capabilities: [],
      auth: [],
    });
    expect(summary([port({}), refused, silent])).toEqual([
      'info:port-refused:995',
      'warning:port-timeout:465',
    ]);
    expect(summary([refused, silent])).toEqual([
      'error:port-refused:995',
      'error:port-timeout:465',
    ]);
  });

  it('does not expect AUTH on port 25 but does on submission', () => {
    const relay = port({
      port: 25,
      protocol: 'smtp',
      security: 'starttls',
      capabilities: ['PIPELINING'],
      auth: [],
    });
    const submission = { ...relay, port: 587 };
    expect(summary([relay, submission])).toEqual(['warning:no-auth-offered:587']);
  });

  it('counts an IMAP server with LOGINDISABLED after TLS as offering no login', () => {
    expect(summary([port({ capabilities: ['IMAP4REV1', 'LOGINDISABLED'], auth: [] })])).toEqual([
      'warning:no-auth-offered:993',
    ]);
  });

  it('flags outdated TLS versions', () => {
    expect(summary([port({ tls: tls({ version: 'TLSv1' }) })])).toEqual([
      'warning:tls-outdated:993',
    ]);
    expect(summary([port({ tls: tls({ version: 'TLSv1.2' }) })])).toEqual([]);
  });
});
