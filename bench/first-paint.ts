/**
 * First contentful paint of the built renderer in headless Chromium (playwright-core). The page
 * is served from loopback and gets a minimal `window.mailSetup` stub, as the preload would give
 * it, so the wizard renders instead of the "no bridge" notice.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, launchChromium } from '../test/helpers/chromium.ts';
import { serveStatic } from '../test/e2e/static-server.ts';
import { median } from './harness.ts';

/** Runs in the page before its scripts: answers appInfo, refuses everything else. */
function installStub(): void {
  const refuse = async (): Promise<unknown> => ({
    ok: false,
    error: { code: 'internal-error', message: 'benchmark stub' },
  });
  const api = new Proxy(
    {
      appInfo: async () => ({
        ok: true,
        value: { version: '0.0.0', platform: 'linux', locale: 'en', languageOverride: null },
      }),
      onOperationEvent: () => () => undefined,
    } as Record<string, unknown>,
    { get: (target, name: string) => target[name] ?? refuse },
  );
  (window as unknown as { mailSetup: unknown }).mailSetup = api;
}

export interface PaintResult {
  /** Median first-contentful-paint time after navigation start, ms. */
  fcpMs: number;
  /** Median time from navigation start until the wizard's h1 is in the page, ms. */
  headingMs: number;
  /** The same first paint for a static page holding only a heading: the browser's own floor. */
  floorMs: number;
  note: string;
}

/** A page with nothing but a heading, for the floor measurement. */
const FLOOR_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head>' +
  '<body><h1>Mail Setup Wizard</h1></body></html>';

/** Loads `url` in a fresh context (empty cache); returns its first paint and heading time. */
async function loadOnce(browser: Browser, url: string): Promise<{ fcp: number; heading: number }> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(installStub);
    await page.goto(url);
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 10_000 });
    const heading = await page.evaluate(() => performance.now());
    const fcp = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const seen = performance.getEntriesByName('first-contentful-paint')[0];
          if (seen) return resolve(seen.startTime);
          new PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (entry) resolve(entry.startTime);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
    return { fcp, heading };
  } finally {
    await context.close();
  }
}

/** `root` holds the built renderer; `scratch` is an empty folder for the floor page. */
export async function firstPaint(
  root: string,
  scratch: string,
  executablePath: string,
  runs: number,
): Promise<PaintResult> {
  writeFileSync(path.join(scratch, 'index.html'), FLOOR_PAGE);
  const app = await serveStatic(root);
  const floorServer = await serveStatic(scratch);
  const browser = await launchChromium(executablePath);
  try {
    const fcp: number[] = [];
    const heading: number[] = [];
    const floor: number[] = [];
    // One extra first load of each warms the browser process itself; it is not counted.
    for (let i = 0; i <= runs; i++) {
      const appLoad = await loadOnce(browser, app.url);
      const floorLoad = await loadOnce(browser, floorServer.url);
      if (i === 0) continue;
      fcp.push(appLoad.fcp);
      heading.push(appLoad.heading);
      floor.push(floorLoad.fcp);
    }
    return {
      fcpMs: median(fcp),
      headingMs: median(heading),
      floorMs: median(floor),
      note:
        `First paint: ${runs} page loads (plus one uncounted warm-up), each in a fresh browser ` +
        'context (empty cache) from a loopback HTTP server, alternating with a static page that ' +
        'holds only a heading (the floor: what the browser needs to paint anything); ' +
        "first-contentful-paint from the page's performance entries, relative to navigation " +
        `start. Flags: ${CHROMIUM_FLAGS.join(' ')}.`,
    };
  } finally {
    await browser.close();
    await app.close();
    await floorServer.close();
  }
}
