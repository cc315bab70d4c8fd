/**
 * The Electron main process entry (bundled to `out/main/main.cjs`). Lifecycle in `lifecycle.ts`;
 * the `app://` protocol, window, hardening, menu, language and IPC each in their own module.
 */
import { runMain } from './lifecycle.ts';

runMain();
