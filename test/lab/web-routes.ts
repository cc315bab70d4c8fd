/**
 * Dynamic routes of the lab's web server: the hostile cases a static file cannot express. Each
 * route matches a host name and a path (query ignored); add a row to extend it. Hosts listed in
 * HTTP_ONLY_HOSTS answer 404 over https, so their documents are reachable only over plain http.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LAB_DOMAINS } from './topology.ts';

export interface WebRoute {
  host: string;
  path: string;
  /** Which scheme the route answers on; both when omitted. */
  scheme?: 'http' | 'https';
  handle(req: IncomingMessage, res: ServerResponse): void;
}

/** Hosts whose static documents are served over http only (https answers 404). */
export const HTTP_ONLY_HOSTS: ReadonlySet<string> = new Set([
  `autoconfig.${LAB_DOMAINS.httpOnly}`,
  LAB_DOMAINS.httpOnly,
]);

/** Size of the streamed hostile document. */
export const HUGE_BODY_BYTES = 50 * 1024 * 1024;

const hostile = LAB_DOMAINS.hostile;
const autoconfigPath = '/mail/config-v1.1.xml';
const wellKnownPath = '/.well-known/autoconfig/mail/config-v1.1.xml';

function streamHugeBody(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/xml' });
  res.write('<?xml version="1.0"?>\n<clientConfig version="1.1"><!--');
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  const pump = (): void => {
    while (sent < HUGE_BODY_BYTES) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end('--></clientConfig>\n');
  };
  res.on('close', () => {
    sent = HUGE_BODY_BYTES; // client gave up: stop producing
  });
  pump();
}

/** "Billion laughs": ten levels of entities, each expanding the one before ten times. */
export const ENTITY_BOMB_XML = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE clientConfig [',
  '  <!ENTITY lol0 "lol">',
  ...Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`),
  ']>',
  '<clientConfig version="1.1"><emailProvider id="hostile.test">',
  '<domain>hostile.test</domain><displayName>&lol9;</displayName>',
  '</emailProvider></clientConfig>',
  '',
].join('\n');

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body = '',
): void {
  res.writeHead(status, headers);
  res.end(body);
}

const redirect = (location: string) => (_req: IncomingMessage, res: ServerResponse) =>
  send(res, 302, { location, 'content-type': 'text/plain' }, 'moved\n');

const handlers = {
  huge: (_req: IncomingMessage, res: ServerResponse) => streamHugeBody(res),
  entityBomb: (_req: IncomingMessage, res: ServerResponse) =>
    send(res, 200, { 'content-type': 'application/xml' }, ENTITY_BOMB_XML),
  redirectLoop: redirect(`https://${hostile}/hostile/redirect-loop`),
  crossDomainRedirect: redirect(`https://autoconfig.${LAB_DOMAINS.good}${autoconfigPath}`),
  wrongContentType: (_req: IncomingMessage, res: ServerResponse) =>
    send(res, 200, { 'content-type': 'text/html' }, '<html><body>Not a config</body></html>\n'),
};

/** The hostile cases, each at its own path on `hostile.test`, and at the standard URLs. */
export const WEB_ROUTES: WebRoute[] = [
  { host: hostile, path: '/hostile/huge', handle: handlers.huge },
  { host: hostile, path: '/hostile/entity-bomb', handle: handlers.entityBomb },
  { host: hostile, path: '/hostile/redirect-loop', handle: handlers.redirectLoop },
  { host: hostile, path: '/hostile/cross-domain-redirect', handle: handlers.crossDomainRedirect },
  { host: hostile, path: '/hostile/wrong-content-type', handle: handlers.wrongContentType },
  // What a discovery run against hostile.test meets at the four standard autoconfig URLs.
  { host: `autoconfig.${hostile}`, path: autoconfigPath, scheme: 'https', handle: handlers.huge },
  { host: hostile, path: wellKnownPath, scheme: 'https', handle: handlers.entityBomb },
  {
    host: `autoconfig.${hostile}`,
    path: autoconfigPath,
    scheme: 'http',
    handle: handlers.redirectLoop,
  },
  { host: hostile, path: wellKnownPath, scheme: 'http', handle: handlers.crossDomainRedirect },
];

/** The route for a request, if any. */
export function findRoute(
  host: string,
  path: string,
  scheme: 'http' | 'https',
): WebRoute | undefined {
  return WEB_ROUTES.find(
    (r) => r.host === host && r.path === path && (r.scheme === undefined || r.scheme === scheme),
  );
}
