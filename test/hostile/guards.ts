/**
 * What every hostile test checks besides the result: no unhandled rejection or uncaught exception
 * happened while the engine dealt with the server, and the heap did not grow with what the server
 * pushed.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

export interface Collector {
  readonly problems: string[];
  stop(): void;
}

/** Collects unhandled rejections and uncaught exceptions until `stop()`. */
export function collectUnhandled(): Collector {
  const problems: string[] = [];
  const onRejection = (reason: unknown): void => {
    problems.push(`unhandledRejection: ${describe(reason)}`);
  };
  const onException = (error: unknown): void => {
    problems.push(`uncaughtException: ${describe(error)}`);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return {
    problems,
    stop() {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
    },
  };
}

function describe(value: unknown): string {
  return value instanceof Error ? `${value.name}: ${value.message}` : String(value);
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Heap in use right after a full garbage collection. */
export function heapUsed(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

/** Runs `work` and returns its value with the heap growth (bytes) it caused. */
export async function measureHeap<T>(
  work: () => Promise<T>,
): Promise<{ value: T; growth: number }> {
  const before = heapUsed();
  const value = await work();
  return { value, growth: heapUsed() - before };
}

/** Runs `work` and returns its value with the time it took (ms). */
export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}
