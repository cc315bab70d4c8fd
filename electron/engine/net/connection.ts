/**
 * One TCP or TLS connection to a mail server, as the probe and the login checks use it: connect to
 * an address (the hostname only names the server for SNI and certificate checks), then talk in
 * lines. Every step has a deadline and obeys an AbortSignal; everything read is bounded (one line,
 * and all bytes of the connection). Failures are values (`NetResult`), never thrown.
 */
import net from 'node:net';
import type tls from 'node:tls';
import { failure, socketFailure, success, type NetFailure, type NetResult } from './errors.ts';
import { tlsHandshake, type TlsSettings } from './tls-handshake.ts';

export const DEFAULT_STEP_TIMEOUT_MS = 10_000;
/** IMAP CAPABILITY lines of big providers are a few hundred bytes; 16 KiB is generous. */
export const DEFAULT_MAX_LINE_LENGTH = 16 * 1024;
/** A probe or a login check reads a few KiB; a server sending more than this is hostile. */
export const DEFAULT_MAX_BYTES = 1024 * 1024;
/** Lines in one multi-line reply (EHLO, CAPA, IMAP untagged responses). */
export const DEFAULT_MAX_REPLY_LINES = 500;

export interface ConnectionLimits {
  maxLineLength: number;
  maxBytes: number;
}

export interface ConnectionSettings {
  /** Per-step timeout (connect, handshake, each read) in ms. */
  timeoutMs?: number;
  signal?: AbortSignal;
  limits?: Partial<ConnectionLimits>;
}

export interface ConnectOptions extends ConnectionSettings {
  /** The IP address to connect to. */
  address: string;
  port: number;
  /** The server's name, used for SNI and certificate name checks. */
  host: string;
  /** Implicit TLS when given. */
  tls?: TlsSettings | false;
}

export interface ConnectionTimings {
  connectMs?: number;
  tlsMs?: number;
}

/** Lines of a reply are complete when this says so (given the newest line and all so far). */
export type ReplyComplete = (line: string, lines: readonly string[]) => boolean;

export class Connection {
  readonly timeoutMs: number;
  readonly limits: ConnectionLimits;
  readonly timings: ConnectionTimings;
  readonly #socket: net.Socket;
  readonly #signal: AbortSignal | undefined;
  #buffer: Buffer = Buffer.alloc(0);
  #received = 0;
  #ended: NetFailure | null = null;
  #wake: (() => void) | null = null;
  readonly #onData = (chunk: Buffer): void => this.#receive(chunk);
  readonly #onEnd = (): void => this.#end({ code: 'closed' });
  readonly #onError = (error: Error): void => this.#end(socketFailure(error));
  readonly #onAbort = (): void => {
    this.#end({ code: 'aborted' });
    this.#socket.destroy();
  };

  constructor(
    socket: net.Socket,
    settings: ConnectionSettings = {},
    timings: ConnectionTimings = {},
  ) {
    this.#socket = socket;
    this.timeoutMs = settings.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
    this.limits = {
      maxLineLength: settings.limits?.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH,
      maxBytes: settings.limits?.maxBytes ?? DEFAULT_MAX_BYTES,
    };
    this.timings = timings;
    this.#signal = settings.signal;
    socket.on('data', this.#onData);
    socket.on('end', this.#onEnd);
    socket.on('close', this.#onEnd);
    socket.on('error', this.#onError);
    if (this.#signal?.aborted) this.#onAbort();
    else this.#signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  /** The underlying socket (a `tls.TLSSocket` when `secure`). */
  get socket(): net.Socket {
    return this.#socket;
  }

  get secure(): boolean {
    return 'encrypted' in this.#socket && this.#socket.encrypted === true;
  }

  get tlsSocket(): tls.TLSSocket | null {
    return this.secure ? (this.#socket as tls.TLSSocket) : null;
  }

  /** Bytes received so far on this connection (before any decoding). */
  get bytesReceived(): number {
    return this.#received;
  }

  /** Bytes received but not yet read as lines. */
  get pendingBytes(): number {
    return this.#buffer.length;
  }

  get settings(): ConnectionSettings {
    return { timeoutMs: this.timeoutMs, signal: this.#signal, limits: this.limits };
  }

  /** Reads one line (without CR LF), waiting at most `timeoutMs`. A timeout keeps the connection. */
  async readLine(timeoutMs = this.timeoutMs): Promise<NetResult<string>> {
    return this.#readLine(Date.now() + timeoutMs);
  }

  /** Reads lines until `isComplete` says the reply is whole; one deadline for the whole reply. */
  async readReply(
    isComplete: ReplyComplete,
    timeoutMs = this.timeoutMs,
    maxLines = DEFAULT_MAX_REPLY_LINES,
  ): Promise<NetResult<string[]>> {
    const deadline = Date.now() + timeoutMs;
    const lines: string[] = [];
    for (;;) {
      const line = await this.#readLine(deadline);
      if (!line.ok) return line;
      lines.push(line.value);
      if (isComplete(line.value, lines)) return success(lines);
      if (lines.length >= maxLines) {
        this.close();
        return failure('too-much-data', `more than ${maxLines} lines in one reply`);
      }
    }
  }

  /** Sends text as is (the caller adds CR LF). False when the connection is gone. */
  write(text: string): boolean {
    if (this.#ended || this.#socket.destroyed) return false;
    this.#socket.write(text);
    return true;
  }

  /** Closes at once, optionally sending a last command (LOGOUT, QUIT) first. */
  close(farewell?: string): void {
    if (farewell && !this.#ended && !this.#socket.destroyed) this.#socket.write(farewell);
    this.#release();
    this.#socket.destroy();
  }

  /**
   * Sends a last command and half-closes, waiting at most `waitMs` for the server to close too
   * (so the goodbye reaches it, also through TLS), then destroys the socket.
   */
  async closeGracefully(farewell?: string, waitMs = 250): Promise<void> {
    const socket = this.#socket;
    if (!farewell || this.#ended || socket.destroyed) return this.close();
    this.#release();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, waitMs);
      timer.unref();
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.resume();
      socket.end(farewell);
    });
    socket.destroy();
  }

  /**
   * Hands the socket over (for a STARTTLS upgrade): this object stops reading and returns what was
   * received but not yet read, so the caller can refuse to carry it across the upgrade.
   */
  detach(): { socket: net.Socket; buffered: Buffer } {
    const buffered = this.#buffer;
    this.#buffer = Buffer.alloc(0);
    this.#release();
    this.#socket.on('error', ignore);
    this.#end({ code: 'closed', detail: 'detached' });
    return { socket: this.#socket, buffered };
  }

  #release(): void {
    this.#socket.off('data', this.#onData);
    this.#socket.off('end', this.#onEnd);
    this.#socket.off('close', this.#onEnd);
    this.#socket.off('error', this.#onError);
    this.#socket.on('error', ignore);
    this.#signal?.removeEventListener('abort', this.#onAbort);
  }

  #receive(chunk: Buffer): void {
    this.#received += chunk.length;
    if (this.#received > this.limits.maxBytes) {
      this.#end({ code: 'too-much-data', detail: `more than ${this.limits.maxBytes} bytes` });
      this.#buffer = Buffer.alloc(0);
      this.close();
      return;
    }
    this.#buffer = this.#buffer.length ? Buffer.concat([this.#buffer, chunk]) : chunk;
    this.#wakeReader();
  }

  #end(reason: NetFailure): void {
    if (!this.#ended) this.#ended = reason;
    this.#wakeReader();
  }

  #wakeReader(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  async #readLine(deadline: number): Promise<NetResult<string>> {
    for (;;) {
      const newline = this.#buffer.indexOf(0x0a);
      const length = newline === -1 ? this.#buffer.length : newline;
      if (length > this.limits.maxLineLength) {
        this.#buffer = Buffer.alloc(0);
        this.close();
        this.#end({
          code: 'line-too-long',
          detail: `more than ${this.limits.maxLineLength} bytes`,
        });
        return failure('line-too-long', `more than ${this.limits.maxLineLength} bytes`);
      }
      if (newline !== -1) {
        const line = this.#buffer.subarray(0, newline).toString('utf8').replace(/\r$/, '');
        this.#buffer = this.#buffer.subarray(newline + 1);
        return success(line);
      }
      if (this.#ended) return { ok: false, error: this.#ended };
      const remaining = deadline - Date.now();
      if (remaining <= 0) return failure('timeout', 'read');
      if (!(await this.#waitForData(remaining))) return failure('timeout', 'read');
    }
  }

  /** Resolves true when something happened (data, end), false on timeout. */
  #waitForData(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#wake = null;
        resolve(false);
      }, ms);
      timer.unref();
      this.#wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }
}

function ignore(): void {}

/** Opens a TCP connection to `address:port` within the step timeout. */
export function openSocket(
  address: string,
  port: number,
  settings: ConnectionSettings = {},
): Promise<NetResult<net.Socket>> {
  const timeoutMs = settings.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  const signal = settings.signal;
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(failure('aborted'));
    const socket = net.connect({ host: address, port });
    const finish = (result: NetResult<net.Socket>): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.off('connect', onConnect);
      socket.off('error', onError);
      socket.on('error', ignore);
      if (!result.ok) socket.destroy();
      resolve(result);
    };
    const onConnect = (): void => finish(success(socket));
    const onError = (error: Error): void => finish({ ok: false, error: socketFailure(error) });
    const onAbort = (): void => finish(failure('aborted'));
    const timer = setTimeout(() => finish(failure('timeout', 'connect')), timeoutMs);
    timer.unref();
    socket.once('connect', onConnect);
    socket.once('error', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Connects (TCP, then the TLS handshake for implicit TLS) and returns a line-reading connection. */
export async function connect(options: ConnectOptions): Promise<NetResult<Connection>> {
  const started = performance.now();
  const opened = await openSocket(options.address, options.port, options);
  if (!opened.ok) return opened;
  const connectMs = Math.round(performance.now() - started);
  if (!options.tls) return success(new Connection(opened.value, options, { connectMs }));
  const handshakeStarted = performance.now();
  const secured = await tlsHandshake(opened.value, {
    ...options.tls,
    host: options.host,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
  });
  if (!secured.ok) {
    opened.value.destroy();
    return secured;
  }
  const tlsMs = Math.round(performance.now() - handshakeStarted);
  return success(new Connection(secured.value, options, { connectMs, tlsMs }));
}
