/**
 * Vitest's runner, plus `needs()` (needs.ts): before a file or suite runs, what it needs is
 * checked; when something is missing, every test in it is marked skipped (with the missing
 * components in its meta, for needs-reporter.ts) and none of its hooks run, so a missing Dovecot
 * never becomes a stack trace from a `beforeAll`.
 */
import type {
  File,
  RunnerTaskEventPack,
  RunnerTaskResult,
  RunnerTaskResultPack,
  Suite,
  Task,
} from 'vitest';
import { VitestTestRunner } from 'vitest/runners';
import { missingComponents, type ComponentId } from './components.ts';
import { COLLECTING } from './needs.ts';

export default class NeedsRunner extends VitestTestRunner {
  /** What a file of this project needs when it does not say (the lab runner: the lab). */
  protected readonly fileDefault: ComponentId[] = [];
  /** Vitest puts this on the runner: it carries task results to the reporters. */
  declare onTaskUpdate?: (
    packs: RunnerTaskResultPack[],
    events: RunnerTaskEventPack[],
  ) => Promise<void>;

  override onCollectStart(file: File): void {
    (globalThis as Record<symbol, unknown>)[COLLECTING] = file;
    super.onCollectStart(file);
  }

  override async onBeforeRunSuite(suite: Suite): Promise<void> {
    const isFile = suite.file === suite;
    const declared = suite.meta.needs ?? (isFile ? this.fileDefault : []);
    const missing = suite.mode === 'skip' ? [] : missingComponents(declared);
    if (missing.length > 0) await this.skipForMissing(suite, missing);
    await super.onBeforeRunSuite(suite);
  }

  private async skipForMissing(suite: Suite, missing: string[]): Promise<void> {
    const note = `needs ${missing.join(', ')}`;
    // A file that failed to load because its component is missing (say it read the lab's
    // details at its top level) is skipped like the rest, not reported as broken.
    if (suite.result?.state === 'fail') suite.result = undefined;
    suite.mode = 'skip';
    const tests: Task[] = [];
    const walk = (task: Task): void => {
      if (task.type === 'suite') task.tasks.forEach(walk);
      else if (task.mode === 'run' || task.mode === 'queued') tests.push(task);
    };
    suite.tasks.forEach(walk);
    for (const task of tests) {
      task.mode = 'skip';
      task.meta.missing = missing;
      // The note shows next to the test's name (Vitest's own `context.skip(note)` sets it too).
      const result: RunnerTaskResult & { note: string } = { state: 'skip', note };
      task.result = result;
    }
    await this.onTaskUpdate?.(
      tests.map((t) => [t.id, t.result, t.meta]),
      tests.map((t) => [t.id, 'test-finished', undefined]),
    );
  }
}
