/**
 * Which mail protocol a greeting line belongs to, whatever port it came from: the basis for
 * recognising the wrong protocol on a port and the protocol of a port nobody named.
 */
import type { Protocol } from '../../../shared/model.ts';
import { parseImapGreeting } from './imap.ts';
import { isPop3Greeting } from './pop3.ts';
import { isSmtpGreetingLine } from './smtp.ts';

export function recogniseGreeting(line: string): Protocol | null {
  if (parseImapGreeting(line)) return 'imap';
  if (isPop3Greeting(line)) return 'pop3';
  if (isSmtpGreetingLine(line)) return 'smtp';
  return null;
}
