/**
 * The TLS handshake over an already connected TCP socket: used for implicit TLS right after
 * connect, for STARTTLS after the server's go-ahead, and for recognising TLS on a plain port.
 * The hostname goes into SNI and certificate name checks; the connection itself is to an address.
 */
import net from 'node:net';
import tls from 'node:tls';
import { errorCode, errorMessage, failure, success, type NetResult } from './errors.ts';

export interface TlsSettings {
  /** Extra CA certificates (PEM texts), trusted in addition to the built-in roots. */
  ca?: string[];
  /**
   * False only for probing (certificate facts are wanted even when the chain is not trusted; no
   * password is sent). Default true.
   */
  rejectUnauthorized?: boolean;
  /** Lowest TLS version to accept (probing uses 'TLSv1' to recognise outdated servers). */
  minVersion?: tls.SecureVersion;
  /** OpenSSL cipher list (probing lowers the security level to see what an old server offers). */
  ciphers?: string;
}

export interface HandshakeOptions extends TlsSettings {
  /** Server name for SNI and certificate name checks. */
  host: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** The `ca` option for Node: built-in roots plus the extra ones, or undefined for the defaults. */
export function caOption(extra: string[] | undefined): string[] | undefined {
  return extra && extra.length > 0 ? [...tls.rootCertificates, ...extra] : undefined;
}

/**
 * Secure contexts by settings: parsing ~150 root certificates plus the extra CA costs tens of ms
 * of CPU, so a probe of seven ports must not do it seven times.
 */
const contexts = new Map<string, tls.SecureContext>();
const MAX_CONTEXTS = 8;

export function secureContext(settings: TlsSettings): tls.SecureContext {
  const key = JSON.stringify([settings.ca ?? [], settings.minVersion, settings.ciphers]);
  let context = contexts.get(key);
  if (!context) {
    context = tls.createSecureContext({
      ca: caOption(settings.ca),
      minVersion: settings.minVersion,
      ciphers: settings.ciphers,
    });
    if (contexts.size >= MAX_CONTEXTS) contexts.delete(contexts.keys().next().value as string);
    contexts.set(key, context);
  }
  return context;
}

/** Runs the TLS client handshake on `socket` within the timeout. */
export function tlsHandshake(
  socket: net.Socket,
  options: HandshakeOptions,
): Promise<NetResult<tls.TLSSocket>> {
  const { signal } = options;
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(failure('aborted'));
    const secure = tls.connect({
      socket,
      // SNI must be a name, never an IP literal (RFC 6066 §3).
      servername: net.isIP(options.host) ? undefined : options.host,
      secureContext: secureContext(options),
      rejectUnauthorized: options.rejectUnauthorized ?? true,
      // Name checks are made against the hostname, not the address we connected to.
      checkServerIdentity: (_name, cert) => tls.checkServerIdentity(options.host, cert),
    });
    const finish = (result: NetResult<tls.TLSSocket>): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      secure.off('secureConnect', onSecure);
      secure.off('error', onError);
      secure.off('close', onClose);
      secure.on('error', () => {});
      if (!result.ok) secure.destroy();
      resolve(result);
    };
    const onSecure = (): void => finish(success(secure));
    const onError = (error: Error): void =>
      finish(failure('tls-error', errorCode(error) ?? errorMessage(error)));
    const onClose = (): void => finish(failure('tls-error', 'ECONNRESET'));
    const onAbort = (): void => finish(failure('aborted'));
    const timer = setTimeout(() => finish(failure('timeout', 'tls')), options.timeoutMs ?? 10_000);
    timer.unref();
    secure.once('secureConnect', onSecure);
    secure.once('error', onError);
    secure.once('close', onClose);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
