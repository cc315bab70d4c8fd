/**
 * A small one-shot POP3 client for the login check, on the shared connection module: connect
 * (implicit TLS or STLS), CAPA, login (SASL PLAIN when offered, else USER/PASS), QUIT. Commands
 * run one at a time through a queue; the state only moves forward. It refuses to send a password
 * over an unencrypted connection unless told that plaintext was consented to.
 */
import type { TLSSocket } from 'node:tls';
import { connect, type Connection } from '../net/connection.ts';
import type { NetFailure } from '../net/errors.ts';
import { startTls } from '../net/starttls.ts';
import type { TlsSettings } from '../net/tls-handshake.ts';
import {
  isMultilineComplete,
  parseCapabilities,
  parseStatus,
  saslPlain,
  type Pop3Status,
} from './pop3-reply.ts';

export type Pop3State = 'authorization' | 'transaction' | 'closed';

/** Where a POP3 step failed: the network (`net`) or a server refusal (`status`). */
export interface Pop3Failure {
  stage: 'connect' | 'tls' | 'greeting' | 'auth' | 'command';
  net?: NetFailure;
  status?: Pop3Status;
}

export type Pop3Result<T> = { ok: true; value: T } | { ok: false; failure: Pop3Failure };

export interface Pop3OpenOptions {
  /** IP address to connect to. */
  address: string;
  port: number;
  /** Server name for SNI and certificate checks. */
  host: string;
  security: 'tls' | 'starttls' | 'plain';
  tls: TlsSettings;
  /** Fail when STLS is not possible on a `starttls` endpoint (no consent for plaintext). */
  requireStls: boolean;
  /** A password may go over an unencrypted connection (explicit consent). */
  allowPlaintextLogin: boolean;
  timeoutMs: number;
  signal?: AbortSignal;
}

const single = (): boolean => true;

function fail<T>(
  stage: Pop3Failure['stage'],
  detail: { net?: NetFailure; status?: Pop3Status },
): Pop3Result<T> {
  return { ok: false, failure: { stage, ...detail } };
}

export class Pop3Client {
  #connection: Connection;
  #state: Pop3State = 'authorization';
  #queue: Promise<unknown> = Promise.resolve();
  #capabilities = new Map<string, string[]>();
  readonly #allowPlaintextLogin: boolean;

  private constructor(connection: Connection, allowPlaintextLogin: boolean) {
    this.#connection = connection;
    this.#allowPlaintextLogin = allowPlaintextLogin;
  }

  /** Connects, reads the greeting and capabilities, upgrades with STLS where planned. */
  /** The TLS socket of the session (implicit TLS or after STLS), null while plaintext. */
  get tlsSocket(): TLSSocket | null {
    return this.#connection.tlsSocket;
  }

  static async open(options: Pop3OpenOptions): Promise<Pop3Result<Pop3Client>> {
    const settings = {
      timeoutMs: options.timeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
    };
    const implicit = options.security === 'tls';
    const connected = await connect({
      address: options.address,
      port: options.port,
      host: options.host,
      tls: implicit ? options.tls : false,
      ...settings,
    });
    if (!connected.ok)
      return fail(connected.error.code === 'tls-error' ? 'tls' : 'connect', {
        net: connected.error,
      });
    const client = new Pop3Client(connected.value, options.allowPlaintextLogin);
    const greeting = await client.#connection.readLine();
    if (!greeting.ok) return client.#abandon(fail('greeting', { net: greeting.error }));
    const status = parseStatus(greeting.value);
    if (!status.ok || status.continuation) return client.#abandon(fail('greeting', { status }));
    await client.#readCapabilities();
    if (options.security !== 'starttls') return { ok: true, value: client };
    if (!client.#capabilities.has('STLS')) {
      if (!options.requireStls) return { ok: true, value: client };
      return client.#abandon(
        fail('tls', { net: { code: 'starttls-refused', detail: 'STLS not offered' } }),
      );
    }
    const upgraded = await startTls(client.#connection, {
      command: 'STLS',
      isComplete: single,
      accepted: (lines) => parseStatus(lines[0] ?? '').ok,
      host: options.host,
      tls: options.tls,
    });
    if (!upgraded.ok) {
      client.#state = 'closed';
      return fail('tls', { net: upgraded.error });
    }
    client.#connection = upgraded.value;
    await client.#readCapabilities();
    return { ok: true, value: client };
  }

  get state(): Pop3State {
    return this.#state;
  }

  get secure(): boolean {
    return this.#connection.secure;
  }

  get capabilities(): ReadonlyMap<string, string[]> {
    return this.#capabilities;
  }

  /** Logs in; SASL PLAIN when the server lists it, USER/PASS otherwise. */
  login(username: string, password: string): Promise<Pop3Result<void>> {
    return this.#serial(async () => {
      if (this.#state !== 'authorization')
        return fail('auth', { net: { code: 'closed', detail: this.#state } });
      if (!this.secure && !this.#allowPlaintextLogin)
        return fail('auth', {
          net: { code: 'starttls-refused', detail: 'refusing a plaintext login' },
        });
      const sasl = this.#capabilities.get('SASL') ?? [];
      const steps = sasl.includes('PLAIN')
        ? [`AUTH PLAIN ${saslPlain(username, password)}`]
        : [`USER ${username}`, `PASS ${password}`];
      for (const step of steps) {
        const reply = await this.#command(step);
        if (!reply.ok) return fail('auth', reply.failure);
        if (!reply.value.ok || reply.value.continuation)
          return fail('auth', { status: reply.value });
      }
      // A server that says +OK to any password gives itself away on the first real command:
      // STAT must answer "+OK <count> <size>" (RFC 1939 §5) before the login counts.
      const stat = await this.#command('STAT');
      if (!stat.ok) return fail('auth', stat.failure);
      if (!stat.value.ok || !/^\d+ \d+/.test(stat.value.text))
        return fail('auth', { status: stat.value });
      this.#state = 'transaction';
      return { ok: true, value: undefined };
    });
  }

  /** Says goodbye and closes; safe to call in any state, any number of times. */
  quit(): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#connection.close('QUIT\r\n');
  }

  async #readCapabilities(): Promise<void> {
    if (!this.#connection.write('CAPA\r\n')) return;
    const reply = await this.#connection.readReply(isMultilineComplete);
    this.#capabilities =
      reply.ok && parseStatus(reply.value[0] ?? '').ok ? parseCapabilities(reply.value) : new Map();
  }

  async #command(
    line: string,
  ): Promise<{ ok: true; value: Pop3Status } | { ok: false; failure: { net: NetFailure } }> {
    if (/[\r\n]/.test(line))
      return { ok: false, failure: { net: { code: 'closed', detail: 'line break in command' } } };
    if (!this.#connection.write(`${line}\r\n`))
      return { ok: false, failure: { net: { code: 'closed' } } };
    const reply = await this.#connection.readLine();
    return reply.ok
      ? { ok: true, value: parseStatus(reply.value) }
      : { ok: false, failure: { net: reply.error } };
  }

  /** Runs one operation after the previous one finished (commands never interleave). */
  #serial<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(operation, operation);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #abandon<T>(result: Pop3Result<T>): Pop3Result<T> {
    this.#state = 'closed';
    this.#connection.close();
    return result;
  }
}
