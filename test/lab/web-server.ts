/**
 * The lab's web server on 127.0.20.1: https on 443 (lab web certificate) and http on 80. It
 * answers dynamic routes from web-routes.ts first, then static documents from
 * `test/lab/web/<hostname>/<path>`, read at request time so new documents need no restart.
 * POST is answered like GET (Autodiscover POSTs its request); the request body is read and dropped.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRoute, HTTP_ONLY_HOSTS } from './web-routes.ts';
import { LAB_WEB } from './topology.ts';

/** Root of the static documents: one folder per host name. */
export const WEB_ROOT = fileURLToPath(new URL('./web/', import.meta.url));

/** Largest request body read (Autodiscover requests are a few hundred bytes). */
const MAX_REQUEST_BYTES = 64 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

export interface WebServer {
  stop(): Promise<void>;
}

function requestHost(req: http.IncomingMessage): string {
  return (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
}

/** The static file for host + path, or undefined when the path escapes the host's folder. */
export function staticFile(host: string, urlPath: string): string | undefined {
  if (!/^[a-z0-9.-]+$/.test(host)) return undefined;
  const hostRoot = path.join(WEB_ROOT, host);
  const file = path.normalize(path.join(hostRoot, decodeURIComponent(urlPath)));
  return file.startsWith(hostRoot + path.sep) ? file : undefined;
}

async function serveStatic(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  scheme: 'http' | 'https',
  host: string,
  urlPath: string,
): Promise<void> {
  const file =
    scheme === 'https' && HTTP_ONLY_HOSTS.has(host) ? undefined : staticFile(host, urlPath);
  const body = file ? await readFile(file).catch(() => undefined) : undefined;
  if (!file || !body) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found\n');
    return;
  }
  const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, { 'content-type': type, 'content-length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function handler(scheme: 'http' | 'https') {
  return (req: http.IncomingMessage, res: http.ServerResponse): void => {
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_REQUEST_BYTES) {
        res.writeHead(413, { 'content-type': 'text/plain', connection: 'close' });
        res.end('request too large\n');
        req.destroy();
      }
    });
    req.on('end', () => {
      if (res.headersSent) return;
      const host = requestHost(req);
      const urlPath = new URL(req.url ?? '/', 'http://lab').pathname;
      const route = findRoute(host, urlPath, scheme);
      if (route) {
        route.handle(req, res);
        return;
      }
      serveStatic(req, res, scheme, host, urlPath).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
  };
}

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LAB_WEB.address, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Starts https on 443 and http on 80 at LAB_WEB.address. */
export async function startWebServer(options: {
  certFile: string;
  keyFile: string;
}): Promise<WebServer> {
  const secure = https.createServer(
    { cert: readFileSync(options.certFile), key: readFileSync(options.keyFile) },
    handler('https'),
  );
  const plain = http.createServer(handler('http'));
  await Promise.all([listen(secure, 443), listen(plain, 80)]);
  return {
    stop: async () => {
      for (const server of [secure, plain]) server.closeAllConnections();
      await Promise.all(
        [secure, plain].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))),
      );
    },
  };
}
