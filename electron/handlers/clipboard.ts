/** `clipboard:write`: plain text only (reports for tickets); the renderer never reads the clipboard. */
import { clipboard } from 'electron';
import type { Handlers } from '../ipc.ts';

export function clipboardHandlers(): Pick<Handlers, 'clipboard:write'> {
  return {
    'clipboard:write': async ({ text }) => {
      clipboard.writeText(text);
      return { ok: true, value: true };
    },
  };
}
