import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { exportFormats } from '../../../shared/export/index.ts';
import { settingsSheet } from '../../../shared/export/settings-sheet.ts';
import { ticketReport, type CheckReportInput } from '../../../shared/export/ticket-report.ts';
import { findProviderById } from '../../../shared/providers/index.ts';
import { guidanceFor } from '../../../shared/providers/guidance.ts';
import { cases, FIXED_DATE, HOSTILE_NAME, JANE, translator } from './fixtures.ts';

const PASSWORD = 'Tr0ub4dor&3-secret';

const CHECK: CheckReportInput = {
  address: JANE.address,
  domain: 'example.com',
  sources: [
    {
      source: 'autoconfig',
      url: 'https://autoconfig.example.com/mail/config-v1.1.xml',
      outcome: 'found',
      trusted: true,
      ms: 41,
    },
  ],
  probes: [
    {
      host: 'imap.example.com',
      addresses: ['127.0.0.1'],
      ms: 80,
      findings: [],
      ports: [
        {
          port: 993,
          protocol: 'imap',
          security: 'tls',
          status: 'ok',
          tls: {
            version: 'TLSv1.3',
            cipher: 'TLS_AES_256_GCM_SHA384',
            trusted: true,
            hostnameMatch: true,
            certificate: null,
          },
          capabilities: ['IMAP4rev1'],
          auth: ['PLAIN'],
          ms: 12,
        },
        {
          port: 143,
          protocol: 'imap',
          security: 'plain',
          status: 'refused',
          tls: null,
          capabilities: [],
          auth: [],
          error: 'ECONNREFUSED',
          ms: 1,
        },
      ],
    },
  ],
  findings: [{ severity: 'warning', code: 'port-refused', host: 'imap.example.com', port: 143 }],
};

describe('settings sheet (settings.html)', () => {
  for (const language of ['en', 'de'] as const) {
    it(`is a self-contained page in ${language} with hosts, ports and translated labels`, () => {
      const t = translator(language);
      const hostile = cases().find((c) => c.label === 'imap starttls hostile')!.settings;
      const html = settingsSheet(hostile, { t, language, now: FIXED_DATE }).files[0]!.content;
      const doc = new JSDOM(html).window.document;
      expect(doc.documentElement.lang).toBe(language);
      expect(doc.querySelectorAll('script')).toHaveLength(0);
      expect(html).not.toMatch(/\b(src|href)="(?!https?:)/);
      expect(doc.title).toContain(t('export:sheet.title'));
      const text = doc.body.textContent ?? '';
      expect(text).toContain('imap.example.com');
      expect(text).toContain('smtp.example.com');
      expect(text).toContain('143');
      expect(text).toContain(t('export:sheet.security'));
      expect(text).toContain(t('export:security.starttls'));
      const name = [...doc.querySelectorAll('td[dir="auto"]')].map((td) => td.textContent);
      expect(name).toContain(HOSTILE_NAME);
    });
  }

  it("shows the provider guidance in the reader's language with its official link", () => {
    const provider = findProviderById('mailbox-org');
    expect(provider).toBeDefined();
    const guidance = guidanceFor(provider, { reason: 'app-password-required' });
    for (const language of ['en', 'de'] as const) {
      const t = translator(language);
      const html = settingsSheet(JANE, { t, language, guidance }).files[0]!.content;
      const doc = new JSDOM(html).window.document;
      const titles = [...doc.querySelectorAll('#guidance h3')].map((h) => h.textContent);
      expect(titles).toContain(t(`providers:${guidance[0]!.titleKey}`, guidance[0]!.params));
      expect(titles.every((title) => !title?.includes('.title'))).toBe(true);
      const links = [...doc.querySelectorAll('#guidance a')].map((a) => a.getAttribute('href'));
      for (const g of guidance.filter((g) => g.url)) expect(links).toContain(g.url);
    }
  });

  it('shows provider guidance and the notes of the client files, never the password', () => {
    const t = translator('en');
    const starttls = {
      ...cases().find((c) => c.label === 'imap starttls ascii')!.settings,
      password: PASSWORD,
    };
    const { files } = exportFormats(starttls, ['apple', 'sheet'], {
      t,
      language: 'en',
      includePassword: true,
      guidance: [
        {
          code: 'app-password-required',
          provider: 'example',
          titleKey: 'export:sheet.guidance',
          stepKeys: ['export:sheet.passwordText'],
          url: 'javascript:alert(1)',
        },
      ],
    });
    const html = files.find((f) => f.filename === 'settings.html')!.content;
    expect(html).toContain(t('export:sheet.passwordText'));
    expect(html).not.toContain('javascript:');
    expect(html).toContain('Apple Mail');
    expect(html).not.toContain(PASSWORD);
  });
});

describe('ticket report (report.txt, report.json)', () => {
  it('reports what was found, probed and verified, without the password', () => {
    const t = translator('en');
    const withSecret = { ...JANE, password: PASSWORD };
    const { files } = ticketReport(withSecret, {
      t,
      now: FIXED_DATE,
      check: CHECK,
      verification: {
        incoming: { ok: true, username: JANE.address, ms: 120 },
        outgoing: {
          ok: false,
          reason: 'wrong-credentials',
          serverText: `535 5.7.8 bad password ${PASSWORD}\r\nX-Injected: 1`,
          attempts: 1,
          ms: 95,
        },
      },
    });
    const txt = files.find((f) => f.filename === 'report.txt')!.content;
    const json = JSON.parse(files.find((f) => f.filename === 'report.json')!.content);
    for (const content of files.map((f) => f.content)) expect(content).not.toContain(PASSWORD);
    expect(JSON.stringify(json)).not.toMatch(/"password"/i);
    expect(json.generatedAt).toBe(FIXED_DATE.toISOString());
    expect(json.settings.incoming).toEqual(JANE.incoming);
    expect(json.probes[0].ports[0].tls.version).toBe('TLSv1.3');
    expect(json.verification.outgoing.serverText).toContain('[redacted]');
    expect(txt).toContain('imap.example.com:993');
    expect(txt).toContain('993/imap tls ok');
    expect(txt).toContain('port-refused');
    expect(txt).toContain('wrong-credentials');
    expect(txt).toContain(t('verify:wrong-credentials.title'));
    expect(txt).not.toContain('returned an object');
    expect(txt).not.toMatch(/\nX-Injected/);
  });

  it('writes its headings in German for a German reader', () => {
    const txt = ticketReport(JANE, { t: translator('de'), now: FIXED_DATE }).files[0]!.content;
    expect(txt).toContain('Empfohlene Einstellungen');
    expect(txt).toContain('nicht getestet');
  });
});
