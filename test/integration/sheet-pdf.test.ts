/**
 * The settings sheet in a real browser: Debian's Chromium (playwright-core) renders settings.html
 * in English and German, prints it to PDF the way the app does, and leaves a screenshot and the
 * PDF of each in test-results/ for a person to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsSheet } from '../../shared/export/settings-sheet.ts';
import { createI18n, type Language } from '../../shared/i18n/index.ts';
import type { AccountSettings } from '../../shared/model.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { needs } from '../helpers/needs.ts';

needs('chromium');

const ARTEFACTS = fileURLToPath(new URL('../../test-results/', import.meta.url));

const SETTINGS: AccountSettings = {
  address: 'zoe@example.com',
  displayName: 'Zoë "Zo" O\'Brien & Müller 🚀 שלום',
  incoming: {
    protocol: 'imap',
    host: 'imap.example.com',
    port: 993,
    security: 'tls',
    username: 'zoe@example.com',
  },
  outgoing: {
    protocol: 'smtp',
    host: 'smtp.example.com',
    port: 587,
    security: 'starttls',
    username: 'zoe@example.com',
  },
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(ARTEFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe('settings sheet in Chromium', () => {
  for (const language of ['en', 'de'] as const satisfies readonly Language[]) {
    it(`renders and prints to PDF in ${language}`, async () => {
      const i18n = createI18n(language);
      const t = (key: string, params?: Record<string, unknown>) =>
        i18n.t(key, params as never) as unknown as string;
      const html = settingsSheet(SETTINGS, { t, language }).files[0]!.content;
      const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      try {
        await page.setContent(html, { waitUntil: 'load' });
        expect(await page.getAttribute('html', 'lang')).toBe(language);
        const text = await page.innerText('body');
        for (const expected of [
          'imap.example.com',
          'smtp.example.com',
          '993',
          '587',
          t('export:sheet.title'),
          t('export:sheet.server'),
          t('export:sheet.security'),
          t('export:sheet.username'),
          t('export:security.tls'),
          t('export:security.starttls'),
          t('export:sheet.incoming', { protocol: 'IMAP' }),
        ]) {
          expect(text).toContain(expected);
        }
        expect(await page.locator('td[dir="auto"]').allInnerTexts()).toContain(
          SETTINGS.displayName,
        );
        expect(
          requests.filter((url) => !url.startsWith('about:') && !url.startsWith('data:')),
        ).toEqual([]);

        const screenshot = await page.screenshot({ fullPage: true });
        writeFileSync(`${ARTEFACTS}settings-sheet-${language}.png`, screenshot);
        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        writeFileSync(`${ARTEFACTS}settings-sheet-${language}.pdf`, pdf);
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pdf.length).toBeGreaterThan(10_000);
        const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
        expect(pages.length).toBeGreaterThanOrEqual(1);
        expect(pages.length).toBeLessThanOrEqual(2);
        expect(screenshot.length).toBeGreaterThan(10_000);
      } finally {
        await page.close();
      }
    });
  }
});
