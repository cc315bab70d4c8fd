/**
 * `finish:*`: putting the proven settings into the person's mail program. Thin callers of
 * `electron/engine/finish/`; every outcome is a result with a stable code (namespace `finish`).
 */
import type { Handlers } from '../ipc.ts';

type FinishChannels =
  | 'finish:thunderbird-profiles'
  | 'finish:thunderbird-add'
  | 'finish:outlook-import'
  | 'finish:apple-open';

export function finishHandlers(): Pick<Handlers, FinishChannels> {
  return {
    'finish:thunderbird-profiles': async () => ({ ok: false, code: 'not-available' }),
    'finish:thunderbird-add': async () => ({ ok: false, code: 'not-available' }),
    'finish:outlook-import': async () => ({ ok: false, code: 'not-available' }),
    'finish:apple-open': async () => ({ ok: false, code: 'not-available' }),
  };
}
