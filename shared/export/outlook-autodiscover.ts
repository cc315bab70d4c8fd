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
import { element, indent } from './xml.ts';

const RESPONSE_NS = 'http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006';
const OUTLOOK_NS =
  'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a';

const ENCRYPTION: Record<Security, string> = { tls: 'SSL', starttls: 'TLS', plain: 'None' };

function protocolLines(ep: Endpoint, usePopAuth: boolean): string[] {
  return [
    '<Protocol>',
    ...indent(
      [
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
      ],
      1,
    ),
    '</Protocol>',
  ];
}

export function outlookAutodiscover(settings: AccountSettings): ExportPart {
  const { incoming, outgoing } = settings;
  const user = settings.displayName
    ? ['<User>', ...indent([element('DisplayName', settings.displayName)], 1), '</User>']
    : [];
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Autodiscover xmlns="${RESPONSE_NS}">`,
    ...indent(
      [
        `<Response xmlns="${OUTLOOK_NS}">`,
        ...indent(
          [
            ...user,
            '<Account>',
            ...indent(
              [
                element('AccountType', 'email'),
                element('Action', 'settings'),
                ...protocolLines(incoming, false),
                ...protocolLines(outgoing, outgoing.username === incoming.username),
              ],
              1,
            ),
            '</Account>',
          ],
          1,
        ),
        '</Response>',
      ],
      1,
    ),
    '</Autodiscover>',
    '',
  ];
  return {
    files: [
      { filename: 'autodiscover.xml', mediaType: 'application/xml', content: lines.join('\n') },
    ],
    notes: [],
  };
}
