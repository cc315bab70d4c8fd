/**
 * Outlook Autodiscover "POX" response (`autodiscover.xml`), for a domain admin to serve at
 * `https://autodiscover.<domain>/autodiscover/autodiscover.xml`. One <Protocol> for the incoming
 * server, one for SMTP. `<SPA>off</SPA>` is always written because Outlook assumes SPA (NTLM) when
 * the element is missing. Security: implicit TLS = SSL on + Encryption SSL; STARTTLS = SSL on +
 * Encryption TLS (Outlook 2010+ reads Encryption; an older client then fails instead of falling
 * back to plaintext); plain = SSL off + Encryption None. No password element exists.
 */
import type { AccountSettings, Endpoint, Security } from '../model.ts';
import type { ExportPart } from './types.ts';
import { block, element, xmlFilePart } from './xml.ts';

const RESPONSE_NS = 'http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006';
const OUTLOOK_NS =
  'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a';

const ENCRYPTION: Record<Security, string> = { tls: 'SSL', starttls: 'TLS', plain: 'None' };

function protocolLines(ep: Endpoint, usePopAuth: boolean): string[] {
  return block('<Protocol>', [
    element('Type', ep.protocol.toUpperCase()),
    element('Server', ep.host),
    element('Port', ep.port),
    element('DomainRequired', 'off'),
    element('LoginName', ep.username),
    element('SPA', 'off'),
    element('SSL', ep.security === 'plain' ? 'off' : 'on'),
    element('Encryption', ENCRYPTION[ep.security]),
    element('AuthRequired', 'on'),
    ...(ep.protocol === 'smtp'
      ? [element('UsePOPAuth', usePopAuth ? 'on' : 'off'), element('SMTPLast', 'off')]
      : []),
  ]);
}

export function outlookAutodiscover(settings: AccountSettings): ExportPart {
  const { incoming, outgoing } = settings;
  const user = settings.displayName
    ? block('<User>', [element('DisplayName', settings.displayName)])
    : [];
  const account = block('<Account>', [
    element('AccountType', 'email'),
    element('Action', 'settings'),
    ...protocolLines(incoming, false),
    ...protocolLines(outgoing, outgoing.username === incoming.username),
  ]);
  return xmlFilePart(
    'autodiscover.xml',
    'outlookAutodiscover',
    '<?xml version="1.0" encoding="utf-8"?>',
    block(`<Autodiscover xmlns="${RESPONSE_NS}">`, [
      ...block(`<Response xmlns="${OUTLOOK_NS}">`, [...user, ...account]),
    ]),
  );
}
