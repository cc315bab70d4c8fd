import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alternativesFromProbes, exportFormats } from '../../../shared/export/index.ts';
import type { PortResult, ProbeReport } from '../../../shared/model.ts';
import { cases, JANE, translator } from './fixtures.ts';

const t = translator('en');
const STARTTLS = cases().find((c) => c.label === 'imap starttls ascii')!.settings;

function port(p: Partial<PortResult> & Pick<PortResult, 'port' | 'protocol' | 'security'>) {
  const tls = {
    version: 'TLSv1.3',
    cipher: null,
    trusted: true,
    hostnameMatch: true,
    certificate: null,
  };
  return { status: 'ok', tls, capabilities: [], auth: [], ms: 5, ...p } as PortResult;
}

const PROBES: ProbeReport[] = [
  {
    host: 'imap.example.com',
    addresses: ['127.0.0.1'],
    findings: [],
    ms: 10,
    ports: [
      port({ port: 993, protocol: 'imap', security: 'tls' }),
      port({ port: 995, protocol: 'pop3', security: 'tls' }),
      port({ port: 143, protocol: 'imap', security: 'starttls' }),
    ],
  },
  {
    host: 'smtp.example.com',
    addresses: ['127.0.0.1'],
    findings: [],
    ms: 10,
    ports: [
      port({
        port: 465,
        protocol: 'smtp',
        security: 'tls',
        tls: {
          version: 'TLSv1.3',
          cipher: null,
          trusted: false,
          hostnameMatch: true,
          certificate: null,
        },
      }),
      port({ port: 2465, protocol: 'smtp', security: 'tls', status: 'timeout' }),
    ],
  },
];

describe('exportFormats', () => {
  it('makes every file by default, in a stable order', () => {
    const { files } = exportFormats(JANE, undefined, { t, language: 'en' });
    expect(files.map((f) => f.filename)).toEqual([
      'config-v1.1.xml',
      'user.js',
      'outlook.prf',
      'autodiscover.xml',
      'jane@example.com.mobileconfig',
      'settings.html',
      'report.txt',
      'report.json',
    ]);
  });

  it('makes only the chosen formats', () => {
    const { files } = exportFormats(JANE, ['apple', 'report'], { t, language: 'en' });
    expect(files.map((f) => f.filename)).toEqual([
      'jane@example.com.mobileconfig',
      'report.txt',
      'report.json',
    ]);
  });

  it('warns about an unencrypted server once, for every file', () => {
    const plain = { ...JANE, outgoing: { ...JANE.outgoing, port: 25, security: 'plain' as const } };
    const { notes } = exportFormats(plain, ['thunderbird'], { t, language: 'en' });
    expect(notes).toEqual([
      {
        code: 'plaintext',
        severity: 'warning',
        params: { protocol: 'SMTP', host: 'smtp.example.com', port: 25 },
      },
    ]);
  });

  it('takes working implicit-TLS ports from the check when a client cannot say STARTTLS', () => {
    const { notes, files } = exportFormats(STARTTLS, ['apple', 'outlook'], {
      t,
      language: 'en',
      check: { address: STARTTLS.address, probes: PROBES },
    });
    const prf = files.find((f) => f.filename === 'outlook.prf')!.content;
    expect(prf).toContain('IMAPPort=993\r\n');
    expect(prf).toContain('IMAPUseSSL=1\r\n');
    // SMTP 465 has an untrusted certificate: Apple keeps 587 and says what to check.
    expect(notes.map((n) => `${n.format}:${n.code}`)).toEqual([
      'outlook:implicit-tls-used',
      'apple:implicit-tls-used',
      'apple:starttls-as-ssl',
    ]);
  });
});

describe('alternativesFromProbes', () => {
  it('keeps only answering implicit-TLS ports with a valid certificate of the chosen protocols', () => {
    expect(alternativesFromProbes(PROBES, STARTTLS)).toEqual([
      {
        protocol: 'imap',
        host: 'imap.example.com',
        port: 993,
        security: 'tls',
        username: STARTTLS.incoming.username,
      },
    ]);
    expect(alternativesFromProbes(undefined, STARTTLS)).toEqual([]);
  });
});

describe('shared/export is browser-safe', () => {
  it('imports nothing but its own modules and the shared model', () => {
    const dir = new URL('../../../shared/export/', import.meta.url);
    const files = readdirSync(dir).filter((name) => name.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const name of files) {
      const source = readFileSync(new URL(name, dir), 'utf8');
      const specifiers = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      for (const specifier of specifiers) {
        expect(specifier, `${name} imports ${specifier}`).toMatch(/^\.\.?\//);
      }
      expect(source, name).not.toMatch(/\b(require\(|process\.|Buffer\b)/);
    }
  });
});
