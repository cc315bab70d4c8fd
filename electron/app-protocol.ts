/**
 * Serves the built renderer (`out/renderer`) on `app://mailsetup/` instead of `file://`
 * (Electron security checklist item 18). Every response carries the app's
 * Content-Security-Policy. Requests are mapped to files inside the renderer folder only: `..`,
 * encoded separators, NUL bytes and symbolic links that lead outside are refused.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './app-origin.ts';

/** The scheme's privileges; must be registered before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
};

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** Largest file the protocol serves; the bundle's files are far smaller. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * The file a request URL names inside `root`, or null when the URL is not ours or would escape
 * the folder. Pure path logic; `serveAppRequest` additionally resolves symbolic links.
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const base = resolve(root);
  const target = resolve(base, `.${pathname}`);
  return isInside(base, target) ? target : null;
}

function isInside(base: string, target: string): boolean {
  const rel = relative(base, target);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    },
  });
}

/** Answers one `app://` request from the files under `root`. Never throws. */
export async function serveAppRequest(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return textResponse(405, 'method not allowed');
  }
  const target = resolveAppPath(root, request.url);
  if (!target) return textResponse(404, 'not found');
  try {
    const [realBase, realTarget] = await Promise.all([realpath(root), realpath(target)]);
    if (!isInside(realBase, realTarget)) return textResponse(404, 'not found');
    const info = await stat(realTarget);
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return textResponse(404, 'not found');
    const body = request.method === 'HEAD' ? null : await readFile(realTarget);
    return new Response(body, {
      status: 200,
      headers: {
        'content-type':
          MEDIA_TYPES[extname(realTarget).toLowerCase()] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  } catch {
    return textResponse(404, 'not found');
  }
}

/** Installs the handler for `app://` on a session's protocol object. */
export function serveAppProtocol(protocol: Protocol, root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(root, request));
}

/** The renderer folder inside the app (works unpacked and inside the asar archive). */
export function rendererRoot(appPath: string): string {
  return join(appPath, 'out', 'renderer');
}
