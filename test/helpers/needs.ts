/**
 * `needs(...components)`: what a test file (at its top level) or a `describe` block (inside its
 * body) needs from the machine. When something is missing, the needs runner (needs-runner.ts)
 * skips those tests before any of their hooks run, and the run ends with one line per missing
 * component naming the command that enables it. No stack trace, no test that passes vacuously.
 *
 * Files of the `integration` and `e2e` projects need the lab unless they say otherwise: a
 * top-level `needs(...)` lists everything the file needs (add 'lab' when it also uses the lab).
 */
import { getCurrentSuite } from 'vitest/suite';
import type { ComponentId } from './components.ts';

/** Where a task records what it needs and, once skipped, what was missing. */
declare module 'vitest' {
  interface TaskMeta {
    needs?: ComponentId[];
    missing?: string[];
  }
}

/** Set by the needs runner while a file is collected: the file's own task. */
export const COLLECTING = Symbol.for('mailsetup.needs.collecting');

type Holder = { meta: { needs?: ComponentId[] } };

export function needs(...components: ComponentId[]): void {
  const holder: Holder | undefined =
    getCurrentSuite().suite ?? (globalThis as Record<symbol, Holder | undefined>)[COLLECTING];
  if (!holder) {
    throw new Error('needs() works in projects whose runner is test/helpers/needs-runner.ts');
  }
  holder.meta.needs = [...(holder.meta.needs ?? []), ...components];
}
