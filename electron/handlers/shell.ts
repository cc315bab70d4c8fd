/**
 * `shell:open-help` and the links the window tries to open: only https pages on hosts the
 * provider knowledge names (`external-links.ts`) reach the person's browser.
 */
import { shell } from 'electron';
import { allowedExternalUrl } from '../external-links.ts';
import type { Handlers } from '../ipc.ts';

/** Opens an allow-listed URL in the browser; false (and nothing opened) otherwise. */
export function createExternalOpener(allowedHosts: ReadonlySet<string>): (url: string) => boolean {
  return (url) => {
    const allowed = allowedExternalUrl(url, allowedHosts);
    if (!allowed) return false;
    void shell.openExternal(allowed).catch(() => {});
    return true;
  };
}

export function shellHandlers(
  openExternal: (url: string) => boolean,
): Pick<Handlers, 'shell:open-help'> {
  return {
    'shell:open-help': async ({ url }) =>
      openExternal(url) ? { ok: true, value: true } : { ok: false, code: 'url-not-allowed' },
  };
}
