/**
 * The engine's few ways of running things at once, each written once: a loop over items with a
 * bounded number in flight, an event queue that many producers push into and one consumer
 * iterates, and draining an engine generator (events to a callback, the report returned).
 */

/**
 * Runs `work` for every item, at most `limit` at a time, in item order as slots free up. Once
 * `signal` is aborted no further item is started (those running finish on their own signal).
 */
export async function forEachLimit<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length && !signal?.aborted; index = next++) {
      await work(items[index] as T, index);
    }
  };
  const width = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: width }, worker));
}

/** Producers `push`, one consumer iterates with `for await` until `end()` and the queue is empty. */
export class EventQueue<T> implements AsyncIterable<T> {
  #items: T[] = [];
  #ended = false;
  #wake: (() => void) | null = null;

  push(item: T): void {
    this.#items.push(item);
    this.#notify();
  }

  end(): void {
    this.#ended = true;
    this.#notify();
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      if (this.#items.length > 0) yield this.#items.shift() as T;
      else if (this.#ended) return;
      else await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }
}

/** Runs a generator to its end, handing each event to `onEvent`; returns its return value. */
export async function drain<E, R>(
  run: AsyncGenerator<E, R>,
  onEvent: (event: E) => void = () => undefined,
): Promise<R> {
  for (;;) {
    const step = await run.next();
    if (step.done) return step.value;
    onEvent(step.value);
  }
}

/** A generator's events, each mapped; returns the generator's return value (for `yield*`). */
export async function* mapEvents<E, F, R>(
  run: AsyncGenerator<E, R>,
  map: (event: E) => F,
): AsyncGenerator<F, R> {
  for (;;) {
    const step = await run.next();
    if (step.done) return step.value;
    yield map(step.value);
  }
}
