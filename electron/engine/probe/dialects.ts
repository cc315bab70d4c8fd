/**
 * The few commands a probe sends, per protocol: finish reading the greeting, ask for capabilities
 * (IMAP CAPABILITY, POP3 CAPA, SMTP EHLO), start TLS, say goodbye. The wire parsing is done by the
 * pure parsers; this file only holds the conversation.
 */
import net from 'node:net';
import type { Protocol } from '../../../shared/model.ts';
import type { Connection } from '../net/connection.ts';
import { success, type NetResult } from '../net/errors.ts';
import { startTls } from '../net/starttls.ts';
import type { TlsSettings } from '../net/tls-handshake.ts';
import type { CapabilitySet } from './capabilities.ts';
import { imapStatus, imapTagged, parseImapCapability, parseImapGreeting } from './imap.ts';
import { isPop3Ok, parsePop3Capa, pop3MultiLineComplete } from './pop3.ts';
import { parseEhlo, parseSmtpReply, smtpReplyComplete } from './smtp.ts';

export interface Dialect {
  protocol: Protocol;
  /** Reads the rest of a multi-line greeting, if any; returns all greeting lines. */
  completeGreeting(connection: Connection, first: string): Promise<NetResult<string[]>>;
  /** Whether the greeting invites the client in (not a BYE, -ERR or 554). */
  greetingAccepted(lines: readonly string[]): boolean;
  /** Capabilities, or null when the server has none to tell (EHLO/CAPA refused). */
  capabilities(connection: Connection): Promise<NetResult<CapabilitySet | null>>;
  startTls(connection: Connection, host: string, tls: TlsSettings): Promise<NetResult<Connection>>;
  farewell(): string;
}

/** A fresh dialect per connection (IMAP tags count per connection). */
export function createDialect(protocol: Protocol): Dialect {
  if (protocol === 'imap') return imapDialect();
  if (protocol === 'pop3') return pop3Dialect();
  return smtpDialect();
}

function imapDialect(): Dialect {
  let counter = 0;
  const nextTag = (): string => `p${++counter}`;
  return {
    protocol: 'imap',
    completeGreeting: async (_connection, first) => success([first]),
    greetingAccepted: (lines) => parseImapGreeting(lines[0] ?? '')?.kind !== 'bye',
    async capabilities(connection) {
      const tag = nextTag();
      connection.write(`${tag} CAPABILITY\r\n`);
      const reply = await connection.readReply(imapTagged(tag));
      if (!reply.ok) return reply;
      return success(
        imapStatus(reply.value, tag) === 'OK' ? parseImapCapability(reply.value) : null,
      );
    },
    startTls(connection, host, tls) {
      const tag = nextTag();
      return startTls(connection, {
        command: `${tag} STARTTLS`,
        isComplete: imapTagged(tag),
        accepted: (lines) => imapStatus(lines, tag) === 'OK',
        host,
        tls,
      });
    },
    farewell: () => `${nextTag()} LOGOUT\r\n`,
  };
}

function pop3Dialect(): Dialect {
  return {
    protocol: 'pop3',
    completeGreeting: async (_connection, first) => success([first]),
    greetingAccepted: (lines) => isPop3Ok(lines[0] ?? ''),
    async capabilities(connection) {
      connection.write('CAPA\r\n');
      const reply = await connection.readReply(pop3MultiLineComplete);
      if (!reply.ok) return reply;
      return success(parsePop3Capa(reply.value));
    },
    startTls: (connection, host, tls) =>
      startTls(connection, {
        command: 'STLS',
        isComplete: () => true,
        accepted: (lines) => isPop3Ok(lines[0] ?? ''),
        host,
        tls,
      }),
    farewell: () => 'QUIT\r\n',
  };
}

function smtpDialect(): Dialect {
  return {
    protocol: 'smtp',
    async completeGreeting(connection, first) {
      if (smtpReplyComplete(first)) return success([first]);
      const rest = await connection.readReply(smtpReplyComplete);
      return rest.ok ? success([first, ...rest.value]) : rest;
    },
    greetingAccepted: (lines) => parseSmtpReply(lines)?.code === 220,
    async capabilities(connection) {
      connection.write(`EHLO ${clientName(connection)}\r\n`);
      const reply = await connection.readReply(smtpReplyComplete);
      if (!reply.ok) return reply;
      return success(parseEhlo(reply.value));
    },
    startTls: (connection, host, tls) =>
      startTls(connection, {
        command: 'STARTTLS',
        isComplete: smtpReplyComplete,
        accepted: (lines) => parseSmtpReply(lines)?.code === 220,
        host,
        tls,
      }),
    farewell: () => 'QUIT\r\n',
  };
}

/** The EHLO argument: our own address as an address literal (RFC 5321 §4.1.3). */
function clientName(connection: Connection): string {
  const local = connection.socket.localAddress ?? '127.0.0.1';
  const address = local.replace(/^::ffff:/, '');
  return net.isIPv6(address) ? `[IPv6:${address}]` : `[${address}]`;
}
