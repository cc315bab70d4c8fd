/**
 * Probing one port: connect, TLS (implicit, or a real STARTTLS upgrade), greeting, capabilities,
 * certificate facts, timing. Recognises surprises on the way: TLS spoken on a plain port,
 * plaintext on a TLS port, another protocol than expected. Never throws; the outcome is a
 * `PortResult` whatever the server does.
 */
import type {
  PortResult,
  PortStatus,
  PortTiming,
  Protocol,
  Security,
} from '../../../shared/model.ts';
import { tlsFacts } from '../net/cert.ts';
import { Connection, openSocket } from '../net/connection.ts';
import { bounded, type NetFailure } from '../net/errors.ts';
import { upgrade } from '../net/starttls.ts';
import { tlsHandshake, type TlsSettings } from '../net/tls-handshake.ts';
import type { CapabilitySet } from './capabilities.ts';
import { createDialect, type Dialect } from './dialects.ts';
import { recogniseGreeting } from './greeting.ts';

export interface PortContext {
  /** Hostname: SNI and certificate name checks. */
  host: string;
  /** Addresses to connect to, in order of preference. */
  addresses: string[];
  tls: TlsSettings;
  timeoutMs: number;
  signal: AbortSignal;
}

export interface PortPlan {
  port: number;
  /** Expected protocol; unknown ports are recognised from their greeting. */
  protocol?: Protocol;
  /** Expected security: 'tls' = implicit TLS; otherwise plain with STARTTLS when offered. */
  security?: Security;
}

/** The protocol shown for a port before its greeting is read (and if it is never read). */
export const UNKNOWN_PROTOCOL_PLACEHOLDER: Protocol = 'imap';

/** OpenSSL's words for "the peer did not answer with TLS records". */
const NOT_TLS = [
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_PACKET_LENGTH_TOO_LONG',
  'ERR_SSL_HTTP_REQUEST',
  'ERR_SSL_UNKNOWN_PROTOCOL',
  'ERR_SSL_RECORD_LENGTH_MISMATCH',
];

/** SMTP port 25 is where postscreen punishes clients that speak before the greeting. */
const NO_EARLY_TLS_PORTS = new Set([25]);

class PortProbe {
  readonly result: PortResult;
  readonly #started = performance.now();
  readonly timing: PortTiming = {};
  connection: Connection | null = null;
  dialect: Dialect | null = null;

  constructor(
    readonly ctx: PortContext,
    readonly plan: PortPlan,
  ) {
    this.result = {
      port: plan.port,
      protocol: plan.protocol ?? UNKNOWN_PROTOCOL_PLACEHOLDER,
      security: plan.security === 'tls' ? 'tls' : 'plain',
      status: 'ok',
      tls: null,
      capabilities: [],
      auth: [],
      ms: 0,
    };
  }

  finish(status: PortStatus, error?: string): PortResult {
    this.result.status = status;
    if (error) this.result.error = error;
    this.result.ms = Math.round(performance.now() - this.#started);
    if (Object.keys(this.timing).length > 0) this.result.timing = this.timing;
    return this.result;
  }

  fail(failure: NetFailure, step: string): PortResult {
    return this.finish(statusOf(failure), errorOf(failure, step));
  }

  since(start: number): number {
    return Math.round(performance.now() - start);
  }
}

/** The short machine detail of a failure: Node's code for socket and TLS errors, else ours. */
function errorOf(failure: NetFailure, step: string): string {
  if (failure.code === 'timeout') return `${step}-timeout`;
  const nodeDetail = ['refused', 'unreachable', 'closed', 'tls-error'].includes(failure.code);
  return nodeDetail ? (failure.detail ?? failure.code) : failure.code;
}

function statusOf(failure: NetFailure): PortStatus {
  switch (failure.code) {
    case 'refused':
    case 'unreachable':
    case 'timeout':
    case 'closed':
    case 'tls-error':
      return failure.code;
    case 'aborted':
      return 'timeout';
    case 'starttls-injection':
    case 'starttls-refused':
      return 'tls-error';
    default:
      return 'protocol-error';
  }
}

/** Probes one port of `ctx.host`; every outcome is a result. */
export async function probePort(ctx: PortContext, plan: PortPlan): Promise<PortResult> {
  const probe = new PortProbe(ctx, plan);
  try {
    return await run(probe);
  } finally {
    await probe.connection?.closeGracefully(probe.dialect?.farewell());
  }
}

async function openTcp(probe: PortProbe): Promise<ReturnType<typeof openSocket>> {
  const { ctx, plan } = probe;
  const start = performance.now();
  let last: Awaited<ReturnType<typeof openSocket>> = { ok: false, error: { code: 'unreachable' } };
  for (const address of ctx.addresses) {
    last = await openSocket(address, plan.port, ctx);
    // Another address helps after a fast failure; after a timeout the budget is spent.
    if (last.ok || (last.error.code !== 'refused' && last.error.code !== 'unreachable')) break;
  }
  probe.timing.connectMs = probe.since(start);
  return last;
}

async function run(probe: PortProbe): Promise<PortResult> {
  const { ctx, plan } = probe;
  const opened = await openTcp(probe);
  if (!opened.ok) return probe.fail(opened.error, 'connect');
  const settings = { timeoutMs: ctx.timeoutMs, signal: ctx.signal };

  if (plan.security === 'tls') {
    const start = performance.now();
    const secured = await tlsHandshake(opened.value, { ...ctx.tls, host: ctx.host, ...settings });
    probe.timing.tlsMs = probe.since(start);
    if (!secured.ok) {
      opened.value.destroy();
      if (NOT_TLS.includes(secured.error.detail ?? '')) return plaintextOnTlsPort(probe);
      return probe.fail(secured.error, 'tls');
    }
    probe.connection = new Connection(secured.value, settings);
    probe.result.tls = tlsFacts(secured.value, ctx.host);
    return converse(probe);
  }
  probe.connection = new Connection(opened.value, settings);
  return converse(probe);
}

/** Greeting, capabilities and, on a plain connection, STARTTLS and capabilities again. */
async function converse(probe: PortProbe): Promise<PortResult> {
  const { ctx, plan, result } = probe;
  const greetingStart = performance.now();
  const first = await readFirstLine(probe);
  if ('status' in first) return first.status;
  const protocol = recogniseGreeting(first.line);
  result.greeting = bounded(first.line, 200);
  if (!protocol) return probe.finish('protocol-error', 'unknown-greeting');
  if (plan.protocol && protocol !== plan.protocol) {
    return probe.finish('protocol-error', 'wrong-protocol');
  }
  result.protocol = protocol;
  const dialect = createDialect(protocol);
  probe.dialect = dialect;
  const connection = probe.connection as Connection;
  const greeting = await dialect.completeGreeting(connection, first.line);
  probe.timing.greetingMs = probe.since(greetingStart);
  if (!greeting.ok) return probe.fail(greeting.error, 'greeting');
  if (!dialect.greetingAccepted(greeting.value)) {
    return probe.finish('protocol-error', 'greeting-refused');
  }

  const capsStart = performance.now();
  const caps = await dialect.capabilities(connection);
  probe.timing.capabilitiesMs = probe.since(capsStart);
  if (!caps.ok) return probe.fail(caps.error, 'capabilities');
  record(probe, caps.value);
  if (probe.connection?.secure) return finishSecure(probe);

  result.starttlsOffered = caps.value?.starttls ?? false;
  if (caps.value) {
    result.authBeforeTls = caps.value.passwordLogin;
    if (protocol === 'imap') result.loginDisabledBeforeTls = caps.value.loginDisabled;
  }
  if (!result.starttlsOffered) return probe.finish('ok');

  const upgradeStart = performance.now();
  const upgraded = await dialect.startTls(connection, ctx.host, ctx.tls);
  probe.timing.starttlsMs = probe.since(upgradeStart);
  probe.connection = null; // consumed by the upgrade, closed on failure
  if (!upgraded.ok) {
    return probe.fail(upgraded.error, 'starttls');
  }
  probe.connection = upgraded.value;
  result.security = 'starttls';
  result.tls = tlsFacts(upgraded.value.tlsSocket!, ctx.host);
  // RFC 3207 §4.2 / RFC 2595 §3.1: what was said before TLS is forgotten; ask again.
  const again = await dialect.capabilities(upgraded.value);
  if (!again.ok) return probe.fail(again.error, 'capabilities');
  record(probe, again.value);
  return finishSecure(probe);
}

function finishSecure(probe: PortProbe): PortResult {
  const surprise =
    probe.plan.security && probe.plan.security !== 'tls' && probe.result.security === 'tls';
  return surprise ? probe.finish('protocol-error', 'tls-on-plain-port') : probe.finish('ok');
}

function record(probe: PortProbe, caps: CapabilitySet | null): void {
  probe.result.capabilities = caps?.capabilities ?? [];
  probe.result.auth = caps?.auth ?? [];
}

/**
 * Reads the first greeting line. On a plain port that stays silent for half the step time, the
 * server may be waiting for a TLS ClientHello ("587 SSL/TLS"): try the handshake on the same
 * socket with the rest of the step time, so a silent host still costs one timeout.
 */
async function readFirstLine(probe: PortProbe): Promise<{ line: string } | { status: PortResult }> {
  const { ctx, plan } = probe;
  let connection = probe.connection as Connection;
  const start = performance.now();
  const mayBeTls = !connection.secure && !NO_EARLY_TLS_PORTS.has(plan.port);
  const firstWait = mayBeTls ? Math.floor(ctx.timeoutMs / 2) : ctx.timeoutMs;
  let line = await connection.readLine(firstWait);
  if (!line.ok && line.error.code === 'timeout' && mayBeTls && connection.bytesReceived === 0) {
    const rest = Math.max(1, ctx.timeoutMs - probe.since(start));
    probe.connection = null;
    const upgraded = await upgrade(connection, ctx.host, ctx.tls, rest);
    if (!upgraded.ok) {
      // Plaintext came back: a slow greeting after all, now spoiled by our ClientHello.
      if (NOT_TLS.includes(upgraded.error.detail ?? '')) return readGreetingAgain(probe);
      const silent = upgraded.error.code === 'timeout' || upgraded.error.code === 'aborted';
      return {
        status: probe.finish(
          silent ? 'timeout' : 'protocol-error',
          silent ? 'greeting-timeout' : 'no-greeting',
        ),
      };
    }
    connection = upgraded.value;
    probe.connection = connection;
    probe.result.security = 'tls';
    probe.result.tls = tlsFacts(connection.tlsSocket!, ctx.host);
    line = await connection.readLine(Math.max(1, ctx.timeoutMs - probe.since(start)));
  }
  if (!line.ok) return { status: probe.fail(line.error, 'greeting') };
  return { line: line.value };
}

/** A second plain connection for a server whose greeting came late: no TLS attempt this time. */
async function readGreetingAgain(
  probe: PortProbe,
): Promise<{ line: string } | { status: PortResult }> {
  const { ctx } = probe;
  const opened = await openTcp(probe);
  if (!opened.ok) return { status: probe.fail(opened.error, 'connect') };
  const connection = new Connection(opened.value, { timeoutMs: ctx.timeoutMs, signal: ctx.signal });
  probe.connection = connection;
  const line = await connection.readLine();
  return line.ok ? { line: line.value } : { status: probe.fail(line.error, 'greeting') };
}

/** Implicit TLS failed because the server spoke first in plaintext: read what it says. */
async function plaintextOnTlsPort(probe: PortProbe): Promise<PortResult> {
  const { ctx } = probe;
  const opened = await openSocket(ctx.addresses[0] ?? ctx.host, probe.plan.port, ctx);
  if (opened.ok) {
    const connection = new Connection(opened.value, {
      timeoutMs: ctx.timeoutMs,
      signal: ctx.signal,
    });
    const line = await connection.readLine();
    connection.close();
    if (line.ok) probe.result.greeting = bounded(line.value, 200);
  }
  probe.result.security = 'plain';
  return probe.finish('tls-error', 'plaintext-on-tls-port');
}
