/**
 * Runs discovery sources in parallel and answers by priority, not arrival order (like Thunderbird
 * for Android's PriorityParallelRunner): all start at once; once a source has found settings and
 * every higher-priority source has finished, the lower ones still running are cancelled.
 * Reports stream out as each source finishes.
 */
import type { SourceReport } from '../../../shared/model.ts';
import type { SourceAnswer, SourceTask } from './types.ts';

export interface Settled {
  index: number;
  task: SourceTask;
  answer: SourceAnswer;
  report: SourceReport;
}

export type RunnerEvent =
  { type: 'start'; task: SourceTask } | { type: 'settled'; settled: Settled };

/** Reported for a source stopped because a higher-priority one already answered. */
export const CANCELLED = 'cancelled';

function toReport(task: SourceTask, answer: SourceAnswer, ms: number): SourceReport {
  const report: SourceReport = {
    source: task.source,
    url: task.url,
    outcome: answer.outcome,
    trusted: answer.trusted,
    ms,
  };
  if (answer.outcome === 'error') report.error = answer.error;
  if (answer.hops?.length) report.hops = answer.hops;
  else if (answer.outcome === 'none' && answer.detail === CANCELLED) report.error = CANCELLED;
  return report;
}

function guarded(task: SourceTask, signal: AbortSignal): Promise<SourceAnswer> {
  return task.run(signal).catch((error: unknown): SourceAnswer => ({
    outcome: 'error',
    error: 'network',
    detail: error instanceof Error ? error.message : String(error),
    trusted: false,
  }));
}

/**
 * Runs the tasks (index = priority, 0 highest); yields start events, then one `settled` per task
 * in completion order. Cancelled tasks settle as outcome `none` with error `cancelled`.
 */
export async function* runByPriority(
  tasks: readonly SourceTask[],
  signal?: AbortSignal,
): AsyncGenerator<RunnerEvent, Settled[]> {
  const controllers = tasks.map(() => new AbortController());
  const onAbort = (): void => controllers.forEach((controller) => controller.abort());
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) onAbort();
  const started = performance.now();
  const results: Array<Settled | undefined> = new Array(tasks.length);
  const pending = new Map<number, Promise<Settled>>();
  for (const [index, task] of tasks.entries()) {
    yield { type: 'start', task };
    const controller = controllers[index] as AbortController;
    const promise = guarded(task, controller.signal).then((answer) => {
      const effective: SourceAnswer =
        controller.signal.aborted && !signal?.aborted && answer.outcome !== 'found'
          ? { outcome: 'none', detail: CANCELLED, trusted: answer.trusted, url: answer.url }
          : answer;
      const settled = {
        index,
        task,
        answer: effective,
        report: toReport(task, effective, Math.round(performance.now() - started)),
      };
      return settled;
    });
    pending.set(index, promise);
  }
  try {
    while (pending.size > 0) {
      const settled = await Promise.race(pending.values());
      pending.delete(settled.index);
      results[settled.index] = settled;
      cancelBelowWinner(results, controllers);
      yield { type: 'settled', settled };
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    controllers.forEach((controller) => controller.abort());
  }
  return results.filter((settled): settled is Settled => settled !== undefined);
}

/** The winner: the first found in priority order with every higher one settled. */
export function winnerIndex(results: ReadonlyArray<Settled | undefined>): number {
  for (let index = 0; index < results.length; index++) {
    const settled = results[index];
    if (!settled) return -1;
    if (settled.answer.outcome === 'found') return index;
  }
  return -1;
}

function cancelBelowWinner(
  results: ReadonlyArray<Settled | undefined>,
  controllers: AbortController[],
): void {
  const winner = winnerIndex(results);
  if (winner < 0) return;
  for (let index = winner + 1; index < controllers.length; index++) {
    if (!results[index]) controllers[index]?.abort();
  }
}
