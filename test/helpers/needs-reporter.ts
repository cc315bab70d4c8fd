/**
 * Ends a test run with one line per missing component: how many tests it cost and the exact
 * command that enables it (the components and commands live in components.ts). `npm test` adds
 * this reporter next to the ones asked for.
 */
import type { Reporter, TestModule } from 'vitest/node';
import { COMPONENT_ORDER, missingLine } from './components.ts';

export default class NeedsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = new Map<string, number>();
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        if (test.result().state !== 'skipped') continue;
        for (const id of test.meta().missing ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
    if (counts.size === 0) return;
    process.stdout.write('\n');
    const rank = (id: string): number => COMPONENT_ORDER.indexOf(id);
    const ids = [...counts.keys()].sort((a, b) => rank(a) - rank(b));
    for (const id of ids) process.stdout.write(` ↓ ${missingLine(id, counts.get(id) ?? 0)}\n`);
  }
}
