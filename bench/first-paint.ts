/**
 * First contentful paint of the built renderer in headless Chromium (playwright-core). The page
 * is served from loopback and gets a minimal `window.mailSetup` stub, as the preload would give
 * it, so the wizard renders instead of the "no bridge" notice.
 */
import { chromium } from 'playwright-core';
import { serveStatic } from '../test/e2e/static-server.ts';
import { median } from './harness.ts';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

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
  note: string;
}

export async function firstPaint(
  root: string,
  executablePath: string,
  runs: number,
): Promise<PaintResult> {
  const server = await serveStatic(root);
  const browser = await chromium.launch({ executablePath, args: FLAGS });
  try {
    const fcp: number[] = [];
    const heading: number[] = [];
    // One extra first load warms the browser process itself; it is not counted.
    for (let i = 0; i <= runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
      try {
        const page = await context.newPage();
        await page.addInitScript(installStub);
        await page.goto(server.url);
        await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 10_000 });
        const headingAt = await page.evaluate(() => performance.now());
        const paint = await page.evaluate(
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
        if (i > 0) {
          fcp.push(paint);
          heading.push(headingAt);
        }
      } finally {
        await context.close();
      }
    }
    return {
      fcpMs: median(fcp),
      headingMs: median(heading),
      note:
        `First paint: ${runs} page loads (plus one uncounted warm-up), each in a fresh browser ` +
        'context (empty cache) from a loopback HTTP server; first-contentful-paint from the ' +
        "page's performance entries, relative to navigation start. Flags: " +
        `${FLAGS.join(' ')}.`,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
