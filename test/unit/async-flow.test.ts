import { describe, expect, it } from 'vitest';
import { drain, EventQueue, forEachLimit, mapEvents } from '../../electron/engine/async-flow.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('forEachLimit', () => {
  it('runs every item with at most `limit` in flight', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await forEachLimit([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      done.push(item);
      running -= 1;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('starts nothing more once the signal is aborted', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    await forEachLimit(
      [0, 1, 2, 3, 4],
      1,
      async (item) => {
        started.push(item);
        if (item === 1) controller.abort();
        await tick();
      },
      controller.signal,
    );
    expect(started).toEqual([0, 1]);
  });
});

describe('EventQueue', () => {
  it('hands the consumer every pushed item in order, then ends', async () => {
    const queue = new EventQueue<number>();
    const seen: number[] = [];
    const consumer = (async () => {
      for await (const item of queue) seen.push(item);
    })();
    queue.push(1);
    await tick();
    queue.push(2);
    queue.push(3);
    queue.end();
    await consumer;
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe('drain and mapEvents', () => {
  async function* steps(): AsyncGenerator<string, number> {
    yield 'a';
    yield 'b';
    return 42;
  }

  it('drain hands on each event and returns the report', async () => {
    const seen: string[] = [];
    expect(await drain(steps(), (event) => seen.push(event))).toBe(42);
    expect(seen).toEqual(['a', 'b']);
    expect(await drain(steps())).toBe(42);
  });

  it('mapEvents maps the events and keeps the return value for yield*', async () => {
    async function* outer(): AsyncGenerator<string, number> {
      const value = yield* mapEvents(steps(), (event) => event.toUpperCase());
      return value + 1;
    }
    const seen: string[] = [];
    expect(await drain(outer(), (event) => seen.push(event))).toBe(43);
    expect(seen).toEqual(['A', 'B']);
  });
});
