/**
 * Hardening applied to every web contents and session the app creates: permission requests
 * denied, downloads refused, navigation away from the app denied, new windows denied, `<webview>`
 * refused. Links to
 * allow-listed help pages are handed to the person's browser instead (`external-links.ts`).
 */
import type { App, Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin.ts';

export interface HardeningOptions {
  /** Opens an allow-listed https URL in the person's browser; returns false if refused. */
  openExternal(url: string): boolean;
}

/** Denies every permission request and check (camera, notifications, clipboard, ...). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Sessions that refuse downloads already (a partition's session is the same object each time). */
const guarded = new WeakSet<Session>();

/**
 * Refuses every download (`will-download`): the app never needs one, and a page that could start
 * one (a compromised renderer, a crafted help link) would put a file of its choosing on disk.
 */
export function refuseDownloads(session: Session): void {
  if (guarded.has(session)) return;
  guarded.add(session);
  session.on('will-download', (event, item) => {
    event.preventDefault();
    item.cancel();
  });
}

/**
 * Locks one web contents down: it may only ever show the app's own pages. A click on a link to an
 * allow-listed help page opens the person's browser; anything else is simply refused.
 */
export function hardenWebContents(contents: WebContents, options: HardeningOptions): void {
  const guardNavigation = (event: { preventDefault(): void }, url: string): void => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    options.openExternal(url);
  };
  contents.on('will-navigate', (event) => guardNavigation(event, event.url));
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    options.openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * Applies `hardenWebContents` to every web contents the app will ever create, and refuses
 * downloads in every session created from now on (the default session is the caller's).
 */
export function hardenApp(app: App, options: HardeningOptions): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options));
  app.on('session-created', (session) => refuseDownloads(session));
}
