/** For callers that want an engine generator's report without its progress events. */

/** Runs a generator to its end, ignoring what it yields, and returns its return value. */
export async function runToEnd<R>(run: AsyncGenerator<unknown, R>): Promise<R> {
  for (;;) {
    const step = await run.next();
    if (step.done) return step.value;
  }
}
