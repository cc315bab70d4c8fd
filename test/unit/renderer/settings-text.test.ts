import { describe, expect, it } from 'vitest';
import { settingsText } from '../../../renderer/src/components/settings-text.ts';
import { exportFormats, FORMATS } from '../../../shared/export/index.ts';
import { forAdministrator, usageKey } from '../../../shared/export/usage.ts';
import { createI18n } from '../../../shared/i18n/index.ts';
import { endpoint } from './fake-api.ts';

describe('export step helpers', () => {
  it('every file an exporter makes says how it is used, in both languages', () => {
    const settings = {
      address: 'anna@example.test',
      incoming: endpoint('imap', 'mail.example.test', 993, 'tls'),
      outgoing: endpoint('smtp', 'mail.example.test', 465, 'tls'),
    };
    for (const language of ['en', 'de'] as const) {
      const i18n = createI18n(language);
      const { files } = exportFormats(settings, FORMATS, { t: i18n.t, language });
      expect(files.length).toBeGreaterThanOrEqual(8);
      for (const file of files) {
        const key = usageKey(file);
        expect(key, file.filename).not.toBeNull();
        expect(i18n.exists(key!), `${language} ${file.filename}`).toBe(true);
      }
      const admin = files.filter(forAdministrator).map((f) => f.filename);
      expect(admin.sort()).toEqual(['autodiscover.xml', 'config-v1.1.xml']);
    }
    expect(usageKey({})).toBeNull();
  });

  it('copies the settings as plain text in the person’s language, without a password', () => {
    const i18n = createI18n('de');
    const text = settingsText(i18n.t, {
      address: 'anna@example.test',
      incoming: endpoint('imap', 'mail.example.test', 143, 'starttls'),
      outgoing: endpoint('smtp', 'mail.example.test', 587, 'plain'),
      password: 'secret-pw',
    });
    expect(text).toContain('mail.example.test');
    expect(text).toContain('143');
    expect(text).toContain('STARTTLS');
    expect(text).not.toContain('secret-pw');
    expect(text).not.toMatch(/export:|\{\{/);
  });
});
