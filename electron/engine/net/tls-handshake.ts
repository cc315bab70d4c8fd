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
      ca: caOption(options.ca),
      rejectUnauthorized: options.rejectUnauthorized ?? true,
      minVersion: options.minVersion,
      ciphers: options.ciphers,
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
