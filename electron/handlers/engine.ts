/**
 * `check:run`, `probe:run`, `verify:run`: thin callers of the engine. Each runs with the
 * operation's AbortSignal and forwards the engine's progress events to the window.
 *
 * The engine modules (`engine/check.ts`, `engine/probe/index.ts`, `engine/verify/index.ts`) are
 * being written in parallel; until one lands, its channel answers `not-available`.
 */
import type { Handlers } from '../ipc.ts';

export function engineHandlers(): Pick<Handlers, 'check:run' | 'probe:run' | 'verify:run'> {
  return {
    'check:run': async () => ({ ok: false, code: 'not-available' }),
    'probe:run': async () => ({ ok: false, code: 'not-available' }),
    'verify:run': async () => ({ ok: false, code: 'not-available' }),
  };
}
