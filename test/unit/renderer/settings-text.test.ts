import { describe, expect, it } from 'vitest';
import {
  importKeyOf,
  personFirst,
  settingsText,
} from '../../../renderer/src/components/settings-text.ts';
import { createI18n } from '../../../shared/i18n/index.ts';
import { endpoint } from './fake-api.ts';

describe('export step helpers', () => {
  it('shows the person’s own file before the administrator’s', () => {
    const names = personFirst([{ filename: 'config-v1.1.xml' }, { filename: 'user.js' }]);
    expect(names.map((f) => f.filename)).toEqual(['user.js', 'config-v1.1.xml']);
  });

  it('has import instructions for every file the exporters make', () => {
    const i18n = createI18n('de');
    for (const name of [
      'config-v1.1.xml',
      'user.js',
      'outlook.prf',
      'autodiscover.xml',
      'a@b.mobileconfig',
      'settings.html',
      'report.txt',
      'report.json',
    ]) {
      const key = importKeyOf(name);
      expect(key, name).not.toBeNull();
      expect(i18n.exists(key!), name).toBe(true);
    }
    expect(importKeyOf('notes.md')).toBeNull();
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
