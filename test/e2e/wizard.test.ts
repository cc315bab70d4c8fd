/**
 * The wizard end to end: the built renderer in Debian's Chromium, the real engine behind the test
 * bridge, the lab's real Dovecot/Postfix/dnsmasq/HTTPS. Every step gets a focused heading, an axe
 * run and screenshots in English and German; three accounts go from address to export (a good
 * one by keyboard only, one that needs an app password, one on a plaintext-only server), and the
 * helpdesk view checks a domain.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.ts';
import { needs } from '../helpers/needs.ts';
import { LAB_USERS } from '../lab/topology.ts';
import { HEALTH_DOMAINS } from '../lab/health-records.ts';
import { MAILBOX_ORG_DNS } from '../../shared/providers/catalog/mailbox-org.ts';
import {
  RESULTS_DIR,
  buildRenderer,
  openWizard,
  screenshot,
  serveStatic,
  seriousViolations,
  type WizardPage,
} from './browser.ts';
import type { StaticServer } from './static-server.ts';

needs('lab', 'chromium');

let browser: Browser;
let server: StaticServer;
let outputDir: string;
let root: string;

beforeAll(async () => {
  root = await buildRenderer();
  server = await serveStatic(root);
  browser = await launchChromium();
  outputDir = await mkdtemp(join(tmpdir(), 'mailsetup-e2e-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outputDir) await rm(outputDir, { recursive: true, force: true });
});

async function open(colorScheme: 'light' | 'dark' = 'light'): Promise<WizardPage> {
  return openWizard(browser, server, { lab: inject('lab'), outputDir, colorScheme });
}

async function heading(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
}

/**
 * The checks every step gets: its heading has focus, no serious axe violation, screenshots in
 * English and German (switching the language live, which must change `<html lang>` and the
 * heading), then back to English.
 */
async function checkStep(
  wp: WizardPage,
  name: string,
  { forDocs = false, focused = true }: { forDocs?: boolean; focused?: boolean } = {},
): Promise<void> {
  const { page } = wp;
  const title = await heading(page);
  // Right after a step change the heading has focus (not after the person clicked something).
  if (focused) expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  expect(await seriousViolations(page), `${name} (en)`).toEqual([]);
  await screenshot(page, `${name}-en`, forDocs);
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('de');
  expect(await heading(page)).not.toBe(title);
  expect(await seriousViolations(page), `${name} (de)`).toEqual([]);
  await screenshot(page, `${name}-de`, forDocs);
  await page.getByRole('button', { name: 'English' }).click();
  await expect.poll(() => heading(page)).toBe(title);
  // Back where a keyboard user would be: on the step's heading.
  await page.getByRole('heading', { level: 1 }).focus();
}

/** Presses Tab until the focused element has this accessible text, then returns (keyboard only). */
async function tabTo(page: Page, name: string | RegExp, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return (label ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
    });
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

async function waitForDiscovery(page: Page): Promise<void> {
  await page
    .getByTestId('discovery-status')
    .getByText(/^Done:|We found no servers/)
    .waitFor();
}

describe('the wizard in Chromium on the real engine and the lab', () => {
  it('sets up a good account from address to export by keyboard only', async () => {
    const wp = await open();
    const { page, bridge } = wp;
    const alice = LAB_USERS.alice;
    await checkStep(wp, 'good-1-address', { forDocs: true });

    await tabTo(page, 'Email address');
    await page.keyboard.type(alice.address);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Finding your servers' }).waitFor();
    await waitForDiscovery(page);
    expect(await page.getByTestId('source-table').locator('tbody tr').count()).toBeGreaterThan(3);
    await checkStep(wp, 'good-2-discovery');

    await tabTo(page, 'Continue');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Check your settings' }).waitFor();
    const incoming = page.getByTestId('card-incoming');
    await expect.poll(() => incoming.textContent()).toContain('mail.good.test, port 993');
    expect(await incoming.getByTestId('security-badge').textContent()).toContain('Encrypted');
    expect(await page.getByTestId('consent').count()).toBe(0);
    await checkStep(wp, 'good-3-review', { forDocs: true });

    await tabTo(page, 'Continue');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Password and two-step verification' }).waitFor();
    await checkStep(wp, 'good-4-password');
    await tabTo(page, 'Password');
    await page.keyboard.type(alice.password);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Testing your login' }).waitFor();
    await page.getByTestId('verify-ok').waitFor();
    expect(await page.getByTestId('login-incoming').textContent()).toContain('Login works');
    expect(await page.getByTestId('login-outgoing').textContent()).toContain('Login works');
    await checkStep(wp, 'good-5-verify');

    await tabTo(page, 'Continue');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Set up your mail program' }).waitFor();
    await checkStep(wp, 'good-6-export', { forDocs: true });
    await tabTo(page, /^Save 2 files/);
    await page.keyboard.press('Enter');
    await page
      .getByTestId('export-outcome')
      .getByText(/^Saved:/)
      .waitFor();
    await tabTo(page, 'Save the settings sheet as PDF…');
    await page.keyboard.press('Enter');
    await page
      .getByTestId('export-outcome')
      .getByText(/^PDF saved:/)
      .waitFor();
    await tabTo(page, 'Copy the settings');
    await page.keyboard.press('Enter');
    await page
      .getByTestId('export-outcome')
      .getByText('The settings are on the clipboard.')
      .waitFor();

    const saved = bridge.record.savedPaths;
    expect(saved.map((p) => p.slice(outputDir.length + 1))).toEqual(
      expect.arrayContaining(['config-v1.1.xml', 'user.js']),
    );
    for (const path of saved) {
      const content = await readFile(path);
      if (path.endsWith('.pdf')) expect(content.subarray(0, 5).toString()).toBe('%PDF-');
      else expect(content.toString()).toContain('mail.good.test');
      expect(content.toString('latin1')).not.toContain(alice.password);
    }
    expect(bridge.record.clipboard.at(-1)).toContain('mail.good.test');
    expect(bridge.record.clipboard.join('\n')).not.toContain(alice.password);
    expect(wp.errors).toEqual([]);
    await page.context().close();
  });

  it('explains an app password, shows the server’s words and retries without retyping', async () => {
    const wp = await open();
    const { page, bridge } = wp;
    const carol = LAB_USERS.carol;
    await page.getByLabel('Email address').fill(carol.address);
    await page.getByRole('button', { name: 'Find my servers' }).click();
    await waitForDiscovery(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    const guidance = page.getByTestId('guidance');
    expect(await guidance.textContent()).toContain('An app password is');
    await page.getByLabel('Password', { exact: true }).fill(carol.password);
    await page.getByRole('button', { name: 'Test my login' }).click();

    const reason = page.getByTestId('reason-incoming');
    await reason.waitFor();
    expect(await reason.textContent()).toBe(
      'Your provider requires an app password for mail programs.',
    );
    const details = page.getByTestId('login-incoming').locator('details');
    await details.locator('summary').click();
    expect(await details.textContent()).toContain('Application-specific password required');
    expect(await page.getByTestId('guidance').count()).toBe(1);
    await checkStep(wp, 'app-password-5-verify', { focused: false });

    await page.getByRole('button', { name: 'Try again' }).click();
    await expect
      .poll(() => bridge.record.calls.filter((c) => c.method === 'runVerify').length)
      .toBe(2);
    await reason.waitFor();
    const [first, second] = bridge.record.calls
      .filter((c) => c.method === 'runVerify')
      .map((c) => c.request as Record<string, unknown>);
    expect({ ...second, operationId: '' }).toEqual({ ...first, operationId: '' });

    await page.getByRole('button', { name: 'Continue without a working login' }).click();
    await page.getByRole('heading', { name: 'Set up your mail program' }).waitFor();
    await page.getByLabel(/Settings sheet to print/).check();
    await checkStep(wp, 'app-password-6-export', { focused: false });
    await page.getByRole('button', { name: 'Save the settings sheet as PDF…' }).click();
    await page
      .getByTestId('export-outcome')
      .getByText(/^PDF saved:/)
      .waitFor();
    expect(wp.errors).toEqual([]);
    await page.context().close();
  });

  it('asks for a clear confirmation before a plaintext-only server, then sets it up (dark theme)', async () => {
    const wp = await open('dark');
    const { page, bridge } = wp;
    const dave = LAB_USERS.dave;
    await page.getByLabel('Email address').fill(dave.address);
    await page.getByRole('button', { name: 'Find my servers' }).click();
    await waitForDiscovery(page);
    await checkStep(wp, 'plaintext-2-discovery');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Check your settings' }).waitFor();
    expect(await page.getByTestId('security-badge').allTextContents()).toEqual([
      expect.stringContaining('NOT encrypted'),
      expect.stringContaining('NOT encrypted'),
    ]);
    const next = page.getByRole('button', { name: 'Continue' });
    expect(await next.getAttribute('aria-disabled')).toBe('true');
    // aria-disabled keeps the button focusable (its reason is read out); pressing it does nothing.
    await next.click({ force: true });
    expect(await heading(page)).toBe('Check your settings');
    await checkStep(wp, 'plaintext-3-review', { focused: false });
    await page
      .getByRole('checkbox', { name: /without encryption/ })
      .first()
      .check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Password', { exact: true }).fill(dave.password);
    await page.getByRole('button', { name: 'Test my login' }).click();
    await page.getByTestId('verify-ok').waitFor();
    const verify = bridge.record.calls.find((c) => c.method === 'runVerify')?.request;
    expect(verify).toMatchObject({ allowInsecure: ['mail.plain.test'] });
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel(/Apple Mail/).check();
    expect(await page.getByTestId('export-notes').textContent()).toContain('mail.plain.test');
    await checkStep(wp, 'plaintext-6-export', { focused: false });
    expect(wp.errors).toEqual([]);
    await page.context().close();
  });

  it('confirms settings from an unverified source and shows the known provider’s guidance', async () => {
    const wp = await open();
    const { page, bridge } = wp;
    // mxonly.test has only an MX record pointing at mailbox.org (mapped to the lab's good host).
    await page.getByLabel('Email address').fill('bob@mxonly.test');
    await page.getByRole('button', { name: 'Find my servers' }).click();
    await waitForDiscovery(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    const consent = page.getByTestId('consent').first();
    expect(await consent.textContent()).toContain('came from an unverified source');
    await checkStep(wp, 'provider-3-review');
    for (const box of await page.getByRole('checkbox', { name: /is the right server/ }).all()) {
      await box.check();
    }
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Password and two-step verification' }).waitFor();
    expect(await page.getByTestId('provider-rule').textContent()).toContain(
      'If two-step verification is on at mailbox.org, you need an app password.',
    );
    await checkStep(wp, 'provider-4-password');
    await page
      .getByTestId('guide-app-password')
      .getByRole('button', { name: /Open the help page of mailbox.org/ })
      .click();
    await expect.poll(() => bridge.record.openedUrls.length).toBe(1);
    expect(new URL(bridge.record.openedUrls[0]!).hostname).toBe('kb.mailbox.org');
    expect(wp.errors).toEqual([]);
    await page.context().close();
  });

  it('checks a domain in helpdesk mode and copies the ticket report', async () => {
    const wp = await open();
    const { page, bridge } = wp;
    await page.getByRole('switch', { name: 'Helpdesk mode' }).click();
    await page.getByRole('heading', { name: 'Helpdesk check' }).waitFor();
    await page.getByLabel('Domain or email address').fill('plain.test');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByTestId('probe-table').waitFor();
    expect(bridge.record.calls.find((c) => c.method === 'runCheck')?.request).toMatchObject({
      address: 'postmaster@plain.test',
      helpdesk: true,
    });
    expect(await page.getByTestId('probe-table').textContent()).toContain('mail.plain.test');
    expect(await page.getByTestId('findings').locator('li').count()).toBeGreaterThan(0);
    await checkStep(wp, 'helpdesk', { focused: false });
    await page.getByRole('button', { name: 'Copy the ticket report' }).click();
    await expect.poll(() => bridge.record.clipboard.length).toBe(1);
    expect(bridge.record.clipboard[0]).toContain('mail.plain.test');
    expect(wp.errors).toEqual([]);
    await page.context().close();
  });

  it('helpdesk view: the Domain section of a PlentyONE-style shop, with the records to enter', async () => {
    const wp = await open();
    const { page, bridge } = wp;
    await page.getByRole('switch', { name: 'Helpdesk mode' }).click();
    await page.getByRole('heading', { name: 'Helpdesk check' }).waitFor();
    await page.getByLabel('Domain or email address').fill(HEALTH_DOMAINS.bareShop);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const section = page.getByTestId('domain-health');
    await section.waitFor();
    await expect(page.getByRole('heading', { name: 'Domain', level: 2 }).isVisible()).resolves.toBe(
      true,
    );
    const codes = await section
      .locator('[data-code]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-code')));
    expect(codes).toEqual(
      expect.arrayContaining(['spf-missing', 'dkim-provider-key-missing', 'dmarc-missing']),
    );
    const publish = await page.getByTestId('health-publish').textContent();
    expect(publish).toContain('mbo0001._domainkey');
    expect(publish).toContain(MAILBOX_ORG_DNS.dkimRecords?.mbo0002);
    expect(await section.textContent()).toContain('Setup » Assistants » Basic setup » Domains');
    expect(await page.getByTestId('health-records').textContent()).toContain('mxext1.mailbox.org');
    await checkStep(wp, 'helpdesk-domain', { focused: false });
    // A DKIM selector the helpdesk knows: asked again through health:run.
    await page.getByLabel('Also check DKIM selector').fill('mbo0001');
    await page.getByRole('button', { name: 'Check again' }).click();
    await expect
      .poll(() => bridge.record.calls.find((c) => c.method === 'runHealth')?.request)
      .toMatchObject({ target: HEALTH_DOMAINS.bareShop, dkimSelectors: ['mbo0001'] });
    await expect.poll(() => page.getByTestId('health-status').textContent()).toMatch(/DNS queries/);
    await page.getByRole('button', { name: 'Copy the ticket report' }).click();
    await expect.poll(() => bridge.record.clipboard.length).toBe(1);
    const ticket = bridge.record.clipboard[0] ?? '';
    expect(ticket).toContain('spf-missing');
    expect(ticket).toContain(`mbo0001._domainkey: ${MAILBOX_ORG_DNS.dkimRecords?.mbo0001}`);
    expect(ticket).toContain('Setup » Assistants » Basic setup » Domains');
    expect(wp.errors).toEqual([]);
    await page.context().close();
  });

  it('keeps the production bundle lean and paints quickly (measured for the bench)', async () => {
    const assets = join(root, 'assets');
    const scripts = (await readdir(assets)).filter((name) => name.endsWith('.js'));
    let gzipped = 0;
    for (const name of scripts) gzipped += gzipSync(await readFile(join(assets, name))).length;
    const wp = await open();
    // The paint entry arrives once the frame is presented; wait for it (bounded).
    const firstPaint = await wp.page.evaluate(
      () =>
        new Promise<number | null>((resolve) => {
          setTimeout(() => resolve(null), 5000);
          new PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (entry) resolve(entry.startTime);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
    await wp.page.context().close();
    await writeFile(
      join(RESULTS_DIR, 'metrics.json'),
      JSON.stringify({ jsGzipBytes: gzipped, firstContentfulPaintMs: firstPaint }, null, 2),
    );
    expect(gzipped).toBeLessThanOrEqual(250 * 1024);
    expect(firstPaint).not.toBeNull();
  });
});
