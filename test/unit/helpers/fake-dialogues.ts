/**
 * Line handlers that make the fake server talk like a small IMAP, POP3 or SMTP server with
 * STARTTLS, parameterised by what it offers before and after TLS.
 */
import type { FakeScript, FakeSession } from './fake-mail-server.ts';

export interface DialogueOptions {
  /** Offer STARTTLS/STLS on the plain connection. */
  starttls?: boolean;
  /** Offer a password login before TLS. */
  authBeforeTls?: boolean;
  /** Sent right after the STARTTLS go-ahead, still in plaintext (an injection). */
  inject?: string;
}

export function imapScript(options: DialogueOptions = {}): Pick<FakeScript, 'greeting' | 'onLine'> {
  return {
    greeting: '* OK fake IMAP ready\r\n',
    onLine(line: string, session: FakeSession) {
      const [tag = '*', command = ''] = line.split(' ');
      const verb = command.toUpperCase();
      if (verb === 'CAPABILITY') {
        const caps = session.secure
          ? 'IMAP4rev1 AUTH=PLAIN AUTH=SCRAM-SHA-256'
          : `IMAP4rev1${options.starttls ? ' STARTTLS' : ''}${options.authBeforeTls ? ' AUTH=PLAIN' : ' LOGINDISABLED'}`;
        session.write(`* CAPABILITY ${caps}\r\n${tag} OK done\r\n`);
      } else if (verb === 'STARTTLS' && options.starttls && !session.secure) {
        session.write(`${tag} OK begin TLS\r\n${options.inject ?? ''}`);
        session.upgrade();
      } else if (verb === 'LOGOUT') {
        session.write(`* BYE\r\n${tag} OK bye\r\n`);
        session.end();
      } else session.write(`${tag} BAD unknown\r\n`);
    },
  };
}

export function pop3Script(options: DialogueOptions = {}): Pick<FakeScript, 'greeting' | 'onLine'> {
  return {
    greeting: '+OK fake POP3 ready\r\n',
    onLine(line, session) {
      const verb = line.split(' ')[0]?.toUpperCase();
      if (verb === 'CAPA') {
        const items = session.secure
          ? ['USER', 'SASL PLAIN']
          : [
              ...(options.starttls ? ['STLS'] : []),
              ...(options.authBeforeTls ? ['USER', 'SASL PLAIN'] : []),
            ];
        session.write(`+OK\r\n${[...items, 'TOP', '.'].join('\r\n')}\r\n`);
      } else if (verb === 'STLS' && options.starttls && !session.secure) {
        session.write(`+OK begin TLS\r\n${options.inject ?? ''}`);
        session.upgrade();
      } else if (verb === 'QUIT') {
        session.write('+OK bye\r\n');
        session.end();
      } else session.write('-ERR unknown\r\n');
    },
  };
}

export function smtpScript(options: DialogueOptions = {}): Pick<FakeScript, 'greeting' | 'onLine'> {
  return {
    greeting: '220 fake.test ESMTP ready\r\n',
    onLine(line, session) {
      const verb = line.split(' ')[0]?.toUpperCase();
      if (verb === 'EHLO') {
        const items = session.secure
          ? ['PIPELINING', 'AUTH PLAIN LOGIN']
          : [
              'PIPELINING',
              ...(options.starttls ? ['STARTTLS'] : []),
              ...(options.authBeforeTls ? ['AUTH PLAIN LOGIN'] : []),
            ];
        const all = ['fake.test', ...items];
        session.write(
          all.map((item, i) => `250${i === all.length - 1 ? ' ' : '-'}${item}\r\n`).join(''),
        );
      } else if (verb === 'STARTTLS' && options.starttls && !session.secure) {
        session.write(`220 go ahead\r\n${options.inject ?? ''}`);
        session.upgrade();
      } else if (verb === 'QUIT') {
        session.write('221 bye\r\n');
        session.end();
      } else session.write('502 unknown\r\n');
    },
  };
}
