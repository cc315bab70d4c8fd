/**
 * IMAP login check with imapflow: connect (implicit TLS, or STARTTLS when the endpoint says so),
 * LOGIN/AUTHENTICATE, LOGOUT (`verifyOnly`). imapflow connects to the IP we resolved; the
 * certificate is still checked against the host name (`servername`).
 */
import type { ImapFlow } from 'imapflow';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_LINE_LENGTH } from '../net/connection.ts';
import {
  codeOf,
  failed,
  messageOf,
  pinMismatch,
  tlsOptions,
  withDeadline,
  type AttemptOutcome,
  type LoginAttempt,
} from './attempt.ts';
import type { VerifyPhase } from './classify.ts';
import { pinRefusal, type PeerFacts } from './policy.ts';

interface ImapFlowError {
  code?: string;
  authenticationFailed?: boolean;
  tlsFailed?: boolean;
  serverResponseCode?: string;
  response?: string;
}

/** `A1 NO [AUTHENTICATIONFAILED] text` → `[AUTHENTICATIONFAILED] text`. */
function withoutTag(response: string): string {
  return response.replace(/^\S+\s+(NO|BAD)\s+/i, '');
}

function phaseOf(error: ImapFlowError): VerifyPhase {
  if (error.authenticationFailed) return 'auth';
  if (error.tlsFailed) return 'tls';
  const code = error.code ?? '';
  if (/^(CERT_|ERR_TLS|ERR_SSL|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(code)) return 'tls';
  if (code === 'GREETING_TIMEOUT') return 'greeting';
  return 'connect';
}

/** Whether the LIST that `includeMailboxes` ran after the login named INBOX. */
function listsInbox(client: ImapFlow): boolean {
  const listed = (client as unknown as { _mailboxList?: Array<{ path?: string }> })._mailboxList;
  return Array.isArray(listed) && listed.some((entry) => entry.path?.toUpperCase() === 'INBOX');
}

/**
 * imapflow caps lines and responses but not a whole session: a server flooding untagged lines
 * would be parsed for as long as it sends. Count what reaches imapflow's parser (plain and TLS
 * sockets are piped into it) and call `exceeded` once more than `max` bytes arrived.
 */
function capSessionBytes(client: ImapFlow, max: number, exceeded: () => void): void {
  const streamer = (client as unknown as { streamer?: NodeJS.EventEmitter }).streamer;
  let total = 0;
  streamer?.on('pipe', (source: NodeJS.EventEmitter) => {
    source.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > max) exceeded();
    });
  });
}

/**
 * A pinned consent, enforced where imapflow hands a finished TLS socket (implicit TLS or after
 * STARTTLS) to its parser: that happens in the handshake callback, before the first byte is read,
 * so a socket destroyed here never gets as far as the greeting, let alone the LOGIN.
 */
function guardCertificate(
  client: ImapFlow,
  plan: LoginAttempt['plan'],
  refused: (presented: string) => void,
): void {
  const streamer = (client as unknown as { streamer?: NodeJS.EventEmitter }).streamer;
  streamer?.on('pipe', (source: Partial<PeerFacts> & { destroy?: () => void }) => {
    if (typeof source.getPeerCertificate !== 'function') return;
    const presented = pinRefusal(plan, source as PeerFacts);
    if (presented === null) return;
    source.destroy?.();
    refused(presented);
  });
}

/**
 * imapflow and what it pulls in (pino, iconv-lite, libmime, ...) take hundreds of ms to load, so
 * it is loaded on the first login, not whenever the engine is imported (`check` without a password,
 * `discover`, `probe`). Calling this early lets the load overlap with network waits.
 */
export function loadImapFlow(): Promise<typeof ImapFlow> {
  imapFlowModule ??= import('imapflow').then((module) => module.ImapFlow);
  return imapFlowModule;
}
let imapFlowModule: Promise<typeof ImapFlow> | undefined;

export async function imapLogin(attempt: LoginAttempt): Promise<AttemptOutcome> {
  const { endpoint, plan } = attempt;
  const ImapFlowClass = await loadImapFlow();
  const client = new ImapFlowClass({
    host: attempt.ip,
    port: endpoint.port,
    secure: endpoint.security === 'tls',
    // Required STARTTLS unless the host is consented; never attempted on a plain endpoint.
    ...(endpoint.security === 'starttls' && plan.requireStarttls ? { doSTARTTLS: true } : {}),
    ...(endpoint.security === 'plain' ? { doSTARTTLS: false } : {}),
    auth: { user: attempt.username, pass: attempt.password },
    tls: tlsOptions(attempt),
    logger: false,
    verifyOnly: true,
    // After the login, LIST: every IMAP server lists INBOX (RFC 3501 §5.1), so a server that
    // says OK to any password and then refuses what it advertised is not a working login.
    includeMailboxes: true,
    // imapflow's own caps are 1 GiB; a login check reads a few KiB (see net/connection.ts).
    maxLineLength: DEFAULT_MAX_LINE_LENGTH,
    maxLiteralSize: DEFAULT_MAX_LINE_LENGTH,
    maxResponseSize: DEFAULT_MAX_BYTES,
    disableAutoIdle: true,
    connectionTimeout: attempt.timeoutMs,
    greetingTimeout: attempt.timeoutMs,
    socketTimeout: attempt.timeoutMs,
  });
  // imapflow also reports failures as events; the promise below is where we read them.
  client.on('error', () => {});
  let flooded = false;
  let wrongCertificate: string | null = null;
  guardCertificate(client, plan, (presented) => {
    wrongCertificate = presented;
    client.close();
  });
  capSessionBytes(client, DEFAULT_MAX_BYTES, () => {
    flooded = true;
    client.close();
  });
  const work = async (): Promise<AttemptOutcome> => {
    try {
      await client.connect();
      if (wrongCertificate !== null) return pinMismatch(wrongCertificate);
      if (!listsInbox(client)) {
        return { ok: false, reason: 'protocol-error', serverText: 'LIST without INBOX' };
      }
      return { ok: true };
    } catch (thrown) {
      if (wrongCertificate !== null) return pinMismatch(wrongCertificate);
      if (flooded) return { ok: false, reason: 'protocol-error', serverText: 'too much data' };
      const error = thrown as ImapFlowError;
      const phase = phaseOf(error);
      const code = codeOf(thrown);
      const text = typeof error.response === 'string' ? withoutTag(error.response) : undefined;
      return failed(
        {
          protocol: 'imap',
          phase,
          ...(code ? { code } : {}),
          ...(error.serverResponseCode ? { responseCode: error.serverResponseCode } : {}),
          // Without a server answer, keep the library's description of what went wrong.
          serverText: text ?? (phase === 'auth' ? undefined : messageOf(thrown)),
        },
        attempt.password,
      );
    } finally {
      client.close();
    }
  };
  return withDeadline(attempt, () => client.close(), work);
}
