/**
 * Upgrading a plain connection with STARTTLS (IMAP, SMTP) or STLS (POP3). After the server's
 * go-ahead, nothing it sent in plaintext may survive the upgrade: bytes already waiting after the
 * go-ahead mean a man in the middle (or a broken server) tried to inject responses, and the upgrade
 * fails with `starttls-injection` (RFC 3207 §6, RFC 2595 §3.1). Capabilities must then be read
 * again over TLS by the caller.
 */
import { Connection, type ReplyComplete } from './connection.ts';
import { bounded, failure, success, type NetResult } from './errors.ts';
import { tlsHandshake, type TlsSettings } from './tls-handshake.ts';

export interface StartTlsOptions {
  /** The command line to send, without CR LF ('a2 STARTTLS', 'STLS', 'STARTTLS'). */
  command: string;
  /** When the server's reply is complete. */
  isComplete: ReplyComplete;
  /** Whether the complete reply is the go-ahead. */
  accepted: (lines: readonly string[]) => boolean;
  /** Server name for SNI and certificate checks. */
  host: string;
  tls: TlsSettings;
}

/** Sends the STARTTLS command and, on the go-ahead, upgrades. The old connection is consumed. */
export async function startTls(
  connection: Connection,
  options: StartTlsOptions,
): Promise<NetResult<Connection>> {
  if (!connection.write(`${options.command}\r\n`)) return failure('closed');
  const reply = await connection.readReply(options.isComplete);
  if (!reply.ok) {
    connection.close();
    return reply;
  }
  if (!options.accepted(reply.value)) {
    connection.close();
    return failure('starttls-refused', bounded(reply.value.join(' ')));
  }
  return upgrade(connection, options.host, options.tls);
}

/** The handshake part of STARTTLS, after the go-ahead was read. */
export async function upgrade(
  connection: Connection,
  host: string,
  settings: TlsSettings,
  timeoutMs = connection.timeoutMs,
): Promise<NetResult<Connection>> {
  const { signal } = connection.settings;
  const { socket, buffered } = connection.detach();
  if (buffered.length > 0) {
    socket.destroy();
    return failure('starttls-injection', bounded(buffered.toString('latin1'), 120));
  }
  const started = performance.now();
  const secured = await tlsHandshake(socket, { ...settings, host, timeoutMs, signal });
  if (!secured.ok) {
    socket.destroy();
    return secured;
  }
  const tlsMs = Math.round(performance.now() - started);
  return success(
    new Connection(secured.value, connection.settings, { ...connection.timings, tlsMs }),
  );
}
