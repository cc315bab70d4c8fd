import { describe, expect, it } from 'vitest';
import {
  CANCELLED,
  runByPriority,
  type Settled,
} from '../../../electron/engine/discover/runner.ts';
import type { SourceAnswer, SourceTask } from '../../../electron/engine/discover/types.ts';

interface Controlled {
  task: SourceTask;
  resolve(answer: SourceAnswer): void;
  aborted(): boolean;
}

function controlled(url: string): Controlled {
  let resolve: (answer: SourceAnswer) => void = () => undefined;
  let signalSeen: AbortSignal | undefined;
  const task: SourceTask = {
    source: 'autoconfig',
    url,
    run: (signal) => {
      signalSeen = signal;
      return new Promise<SourceAnswer>((done) => {
        resolve = done;
        signal.addEventListener('abort', () => done({ outcome: 'none', trusted: true }));
      });
    },
  };
  return {
    task,
    resolve: (answer) => resolve(answer),
    aborted: () => signalSeen?.aborted ?? false,
  };
}

const FOUND: SourceAnswer = {
  outcome: 'found',
  trusted: true,
  found: { incoming: [], outgoing: [] },
};
const NONE: SourceAnswer = { outcome: 'none', trusted: true };

async function drain(
  generator: AsyncGenerator<unknown, Settled[]>,
  onSettled: (url: string) => void,
) {
  for (;;) {
    const step = await generator.next();
    if (step.done) return step.value;
    const event = step.value as { type: string; settled?: Settled };
    if (event.type === 'settled' && event.settled) onSettled(event.settled.task.url);
  }
}

describe('runByPriority', () => {
  it('lets the higher priority win although it answers later, and cancels only lower ones', async () => {
    const [a, b, c] = [controlled('a'), controlled('b'), controlled('c')];
    const settledOrder: string[] = [];
    const done = drain(runByPriority([a.task, b.task, c.task]), (url) => {
      settledOrder.push(url);
      // Scripted: once c (lowest) has found something, b answers; then a (highest) says none.
      if (url === 'c') b.resolve(FOUND);
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    c.resolve(FOUND);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(a.aborted()).toBe(false); // a is higher than every winner so far: must be waited for
    a.resolve(NONE);
    const results = await done;
    expect(settledOrder).toEqual(['c', 'b', 'a']);
    expect(results.map((r) => `${r.task.url}:${r.answer.outcome}`)).toEqual([
      'a:none',
      'b:found',
      'c:found',
    ]);
  });

  it('cancels lower-priority sources once a higher one has won', async () => {
    const [a, b, c] = [controlled('a'), controlled('b'), controlled('c')];
    const done = drain(runByPriority([a.task, b.task, c.task]), () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 5));
    a.resolve(FOUND);
    const results = await done;
    expect(b.aborted()).toBe(true);
    expect(c.aborted()).toBe(true);
    expect(results[0]?.answer.outcome).toBe('found');
    expect(results[1]?.report).toMatchObject({ outcome: 'none', error: CANCELLED });
    expect(results[2]?.report).toMatchObject({ outcome: 'none', error: CANCELLED });
  });

  it('turns a throwing source into an error report and aborts everything on the caller signal', async () => {
    const thrower: SourceTask = {
      source: 'srv',
      url: 'x',
      run: () => Promise.reject(new Error('boom')),
    };
    const slow = controlled('slow');
    const controller = new AbortController();
    const done = drain(runByPriority([thrower, slow.task], controller.signal), () =>
      controller.abort(),
    );
    const results = await done;
    expect(results[0]?.report).toMatchObject({ source: 'srv', outcome: 'error', error: 'network' });
    expect(slow.aborted()).toBe(true);
  });
});
