/**
 * Playwright-core on Debian's Chromium for the end-to-end tests: builds the renderer once, serves
 * it on loopback, opens pages wired to the engine bridge, and offers the checks every step gets:
 * axe-core (no serious or critical violation) and screenshots in `test-results/e2e/` (plus the
 * README pictures in `docs/screenshots/` when UPDATE_SCREENSHOTS=1).
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { createEngineBridge, type BridgeOptions, type EngineBridge } from './bridge.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
export const RESULTS_DIR = repo('test-results/e2e');
export const DOCS_DIR = repo('docs/screenshots');
export const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';

/** Builds the renderer as `npm run build` does: a production build (Vitest sets NODE_ENV to
 * `test`, which would give React's development bundle and JSX runtime). */
export async function buildRenderer(): Promise<string> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: repo('renderer/vite.config.ts'), logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return repo('out/renderer');
}

export interface WizardPage {
  page: Page;
  bridge: EngineBridge;
  /** Console errors and page errors seen so far (CSP violations show up here). */
  errors: string[];
}

export async function openWizard(
  browser: Browser,
  server: StaticServer,
  options: Omit<BridgeOptions, 'browser'> & { colorScheme?: 'light' | 'dark' },
): Promise<WizardPage> {
  const context = await browser.newContext({
    viewport: { width: 1000, height: 700 },
    colorScheme: options.colorScheme ?? 'light',
    locale: 'en-US',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const bridge = createEngineBridge({ ...options, browser });
  await bridge.attach(page);
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { page, bridge, errors };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/** Runs axe-core in the page (evaluated, so the page's CSP does not apply) and returns the
 * serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.length,
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Saves a screenshot as a test artefact, and as a README picture when asked to. */
export async function screenshot(page: Page, name: string, forDocs = false): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: `${RESULTS_DIR}/${name}.png`, fullPage: true });
  if (forDocs && UPDATE_SCREENSHOTS) {
    await mkdir(DOCS_DIR, { recursive: true });
    await page.screenshot({ path: `${DOCS_DIR}/${name}.png`, fullPage: false });
  }
}

export { serveStatic };

/**
 * The words a person reads on the page now: the visible text of the main area (closed `<details>`
 * and hidden elements do not count, screen-reader-only text neither), split at white space.
 */
export async function readableWords(page: Page): Promise<number> {
  const text = await page.evaluate(() => {
    const main = document.querySelector('main') as HTMLElement | null;
    if (!main) return '';
    const clone = main.cloneNode(true) as HTMLElement;
    // innerText of the live element honours layout; drop visually hidden helpers first.
    const hidden = [...main.querySelectorAll<HTMLElement>('.visually-hidden')];
    hidden.forEach((el) => (el.dataset.wordsHidden = el.style.display || '-'));
    hidden.forEach((el) => (el.style.display = 'none'));
    const visible = main.innerText;
    hidden.forEach((el) => {
      el.style.display = el.dataset.wordsHidden === '-' ? '' : (el.dataset.wordsHidden ?? '');
      delete el.dataset.wordsHidden;
    });
    void clone;
    return visible;
  });
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
