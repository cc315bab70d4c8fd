/**
 * `check:run`, `probe:run`, `verify:run`: thin callers of the engine. Each runs with the
 * operation's AbortSignal and forwards the engine's progress events to the window.
 *
 * The engine modules are written in parallel; a channel whose module has not landed yet answers
 * `not-available` (check: `engine/check.ts`, verify: `engine/verify/index.ts`).
 */
import type { OperationEvent } from '../../shared/ipc.ts';
import { probeHost } from '../engine/probe/index.ts';
import type { Handlers } from '../ipc.ts';

type Emit = (event: OperationEvent['event']) => void;

/**
 * Runs an engine generator to its end, forwarding each progress event (all but the final
 * `done`, whose report is the call's result anyway); returns the generator's report.
 */
export async function drain<R>(run: AsyncGenerator<{ type: string }, R>, emit: Emit): Promise<R> {
  for (;;) {
    const step = await run.next();
    if (step.done) return step.value;
    if (step.value.type !== 'done') emit(step.value as OperationEvent['event']);
  }
}

export function engineHandlers(): Pick<Handlers, 'check:run' | 'probe:run' | 'verify:run'> {
  return {
    'check:run': async () => ({ ok: false, code: 'not-available' }),
    'probe:run': async ({ host, ports }, { signal, emit }) => {
      const report = await drain(probeHost(host, { ports, signal }), emit);
      return { ok: true, value: report };
    },
    'verify:run': async () => ({ ok: false, code: 'not-available' }),
  };
}
