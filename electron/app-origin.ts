/**
 * The app's own origin. The UI is served from `app://mailsetup/` (a privileged custom scheme,
 * `app-protocol.ts`), never from `file://` or the network; IPC and navigation checks compare
 * against this origin after parsing the URL (never with string prefixes).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'mailsetup';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The Content-Security-Policy sent with every page of the app: only the bundle's own scripts and
 * styles, no network access from the renderer (all network work happens in main), no frames,
 * no plugins, no form posts. Matches the meta tag in `renderer/index.html`; the header adds
 * `frame-ancestors`, which a meta tag cannot carry.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Whether a URL belongs to the app's own origin (`app://mailsetup/...`). */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
