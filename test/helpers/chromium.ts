/** Debian's Chromium driven by playwright-core, headless and quiet, for tests that need a real
 * browser (declare `needs('chromium')`). `CHROMIUM_PATH` names another binary. */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from './components.ts';

export { CHROMIUM };

/** Headless, and quiet on a machine whose network is closed. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
] as const;

export function launchChromium(executablePath: string = CHROMIUM): Promise<Browser> {
  return chromium.launch({ executablePath, args: [...CHROMIUM_FLAGS] });
}
