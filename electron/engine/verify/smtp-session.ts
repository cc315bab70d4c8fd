/**
 * A promise-shaped SMTP session on nodemailer's SMTPConnection: connect (implicit TLS, required
 * STARTTLS, or plain with consent), AUTH, raw commands for the sender check, QUIT. Nothing here
 * ever sends DATA, so no message can leave.
 */
import type { TLSSocket } from 'node:tls';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { tlsOptions, type LoginAttempt } from './attempt.ts';

/** An error of SMTPConnection: `code` (EAUTH, ETIMEDOUT, ...), `response` (the reply), `command`. */
export interface SmtpError {
  code?: string;
  /** Node's code behind nodemailer's (ECONNREFUSED, CERT_HAS_EXPIRED, ...). */
  originalCode?: string;
  response?: string;
  responseCode?: number;
  command?: string;
  message: string;
}

/** The parts of SMTPConnection used beyond its typings (internal, stable since nodemailer 6). */
interface ConnectionInternals {
  allowsAuth: boolean;
  lastServerResponse: string | false;
  _responseActions: Array<(reply: string) => void>;
  _sendCommand(line: string): void;
}

/** Largest SMTP reply accepted (one line or a whole multi-line reply). */
const MAX_REPLY_BYTES = 64 * 1024;

/** Reply to one command: the code and the full text. */
export interface SmtpReply {
  code: number;
  text: string;
}

export class SmtpSession {
  readonly #connection: SMTPConnection;
  #closed = false;
  #lastError: SmtpError | null = null;
  #onClose: Array<() => void> = [];

  constructor(attempt: LoginAttempt) {
    const { endpoint, plan } = attempt;
    this.#connection = new SMTPConnection({
      host: attempt.ip,
      port: endpoint.port,
      secure: endpoint.security === 'tls',
      // STARTTLS required unless the host is consented; never tried on a plain endpoint.
      requireTLS: endpoint.security === 'starttls' && plan.requireStarttls,
      ignoreTLS: endpoint.security === 'plain',
      tls: tlsOptions(attempt),
      name: 'mailsetup.invalid',
      connectionTimeout: attempt.timeoutMs,
      greetingTimeout: attempt.timeoutMs,
      socketTimeout: attempt.timeoutMs,
      logger: false,
      debug: false,
      // nodemailer's own cap on one reply is 1 MB; EHLO and AUTH replies are a few hundred bytes.
      // (Not in @types/nodemailer, hence the spread.)
      ...({ maxResponseSize: MAX_REPLY_BYTES } as object),
    });
    this.#connection.on('error', (error: SmtpError) => {
      this.#lastError ??= error;
      this.close();
    });
    this.#connection.on('end', () => this.#markClosed());
  }

  /** The TLS socket of the session (implicit TLS or after STARTTLS), null while plaintext. */
  get tlsSocket(): TLSSocket | null {
    const socket = (this.#connection as unknown as { _socket?: { encrypted?: boolean } })._socket;
    return socket?.encrypted === true ? (socket as TLSSocket) : null;
  }

  get internals(): ConnectionInternals {
    return this.#connection as unknown as ConnectionInternals;
  }

  /** Connects and reads the greeting and EHLO (and STARTTLS when planned). */
  connect(): Promise<SmtpError | null> {
    return this.#call((done) => this.#connection.connect(done));
  }

  /** Whether the server offered AUTH on the connection as it is now. */
  get allowsAuth(): boolean {
    return this.internals.allowsAuth;
  }

  /**
   * Logs in. nodemailer takes any 2xx as success; RFC 4954 §6 says 235, and a server that
   * answers "250" to everything (AUTH included) must not pass for a working login.
   */
  async login(user: string, pass: string): Promise<SmtpError | null> {
    const error = await this.#call((done) => this.#connection.login({ user, pass }, done));
    if (error) return error;
    const reply = this.internals.lastServerResponse || '';
    if (/^235[ -]/.test(reply)) return null;
    return {
      code: 'EPROTOCOL',
      response: reply,
      responseCode: Number.parseInt(reply.slice(0, 3), 10) || 0,
      command: 'AUTH',
      message: 'AUTH accepted without 235',
    };
  }

  /** Sends one raw command and waits for its reply (null when the connection is gone). */
  command(line: string): Promise<SmtpReply | null> {
    if (this.#closed || /[\r\n]/.test(line)) return Promise.resolve(null);
    return new Promise((resolve) => {
      const settle = (reply: SmtpReply | null) => {
        this.#onClose = this.#onClose.filter((f) => f !== onClose);
        resolve(reply);
      };
      const onClose = () => settle(null);
      this.#onClose.push(onClose);
      this.internals._responseActions.push((text: string) =>
        settle({ code: Number.parseInt(text.slice(0, 3), 10) || 0, text: text.trim() }),
      );
      this.internals._sendCommand(line);
    });
  }

  /** Ends the session politely if it is still up, otherwise just closes. */
  quit(): void {
    if (this.#closed) return;
    try {
      this.#connection.quit();
    } catch {
      this.close();
    }
  }

  close(): void {
    try {
      this.#connection.close();
    } catch {
      // already torn down
    }
    this.#markClosed();
  }

  #markClosed(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const listener of this.#onClose.splice(0)) listener();
  }

  #call(start: (done: (error?: SmtpError | null) => void) => void): Promise<SmtpError | null> {
    if (this.#closed)
      return Promise.resolve(this.#lastError ?? { code: 'ECONNECTION', message: 'closed' });
    return new Promise((resolve) => {
      let settled = false;
      const finish = (error: SmtpError | null) => {
        if (settled) return;
        settled = true;
        this.#onClose = this.#onClose.filter((f) => f !== onClose);
        resolve(error);
      };
      const onClose = () =>
        finish(this.#lastError ?? { code: 'ECONNECTION', message: 'connection closed' });
      this.#onClose.push(onClose);
      try {
        start((error) => finish(error ?? null));
      } catch (error) {
        finish({
          code: 'EPROTOCOL',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    });
  }
}
