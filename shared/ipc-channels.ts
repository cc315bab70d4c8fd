/**
 * The IPC contract's names, free of runtime dependencies: the sandboxed preload may only
 * `require('electron')`, so it imports this module and never the zod schemas in `ipc.ts`.
 * `ipc.ts` re-exports everything here; a unit test checks that `METHODS` and the schemas name
 * exactly the same channels.
 */
import type { Channel } from './ipc.ts';

/**
 * The preload's surface, one method per channel, written out by hand (the preload runs no code
 * that could derive it). The unit test of the contract keeps it true: every channel has exactly
 * one method and every method a channel.
 */
export const METHODS = {
  appInfo: 'app:info',
  setLanguage: 'app:set-language',
  runCheck: 'check:run',
  runProbe: 'probe:run',
  runHealth: 'health:run',
  runVerify: 'verify:run',
  cancelOperation: 'operation:cancel',
  saveExport: 'export:save',
  printSheet: 'sheet:print',
  saveSecret: 'secret:save',
  loadSecret: 'secret:load',
  deleteSecret: 'secret:delete',
  openHelp: 'shell:open-help',
  writeClipboard: 'clipboard:write',
  listThunderbirdProfiles: 'finish:thunderbird-profiles',
  addToThunderbird: 'finish:thunderbird-add',
  importIntoOutlook: 'finish:outlook-import',
  openInAppleMail: 'finish:apple-open',
} as const satisfies Record<string, Channel>;

/** The one event channel main → renderer. */
export const EVENT_CHANNEL = 'operation:event';

/** The global name under which the preload exposes the API. */
export const API_KEY = 'mailSetup';
