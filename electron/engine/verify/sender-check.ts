/**
 * Sender check on an authenticated SMTP session: MAIL FROM, RCPT TO (the same address), RSET.
 * No DATA, so no message is sent. Detects providers that only let you send as your own address
 * ("553 5.7.1 <x>: Sender address rejected: not owned by user ..." at mailbox.org and Postfix's
 * reject_sender_login_mismatch, "550 Invalidated From address" at Runbox). Postfix usually
 * answers the sender restriction at RCPT TO (smtpd_delay_reject), hence both commands.
 */
import type { SenderResult } from '../../../shared/reports.ts';
import { scrubServerText } from './attempt.ts';
import { classifyFailure, isSenderRefusal } from './classify.ts';
import type { SmtpReply, SmtpSession } from './smtp-session.ts';

export type { SenderResult } from '../../../shared/reports.ts';

const PLAIN_ADDRESS = /^[^\s<>@]+@[^\s<>@]+$/;

function refused(reply: SmtpReply | null, password: string, stage: 'mail' | 'rcpt'): SenderResult {
  if (!reply) return { ok: false, reason: 'protocol-error' };
  const serverText = scrubServerText(reply.text, password);
  // A refused recipient only says something about the sender when the words say so.
  const reason =
    stage === 'rcpt' && !isSenderRefusal(reply.text)
      ? 'unknown'
      : classifyFailure({
          protocol: 'smtp',
          phase: 'sender',
          serverText: reply.text,
          replyCode: reply.code,
        });
  return serverText ? { ok: false, reason, serverText } : { ok: false, reason };
}

export async function checkSender(
  session: SmtpSession,
  from: string,
  password: string,
): Promise<SenderResult> {
  if (!PLAIN_ADDRESS.test(from)) return { ok: false, reason: 'sender-rejected' };
  try {
    const mail = await session.command(`MAIL FROM:<${from}>`);
    if (!mail || mail.code >= 300) return refused(mail, password, 'mail');
    const rcpt = await session.command(`RCPT TO:<${from}>`);
    if (!rcpt || rcpt.code >= 300) return refused(rcpt, password, 'rcpt');
    return { ok: true };
  } finally {
    await session.command('RSET');
  }
}
