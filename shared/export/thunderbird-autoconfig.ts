/**
 * Thunderbird autoconfig (`config-v1.1.xml`, clientConfig format 1.1): for a domain admin to serve
 * at `https://autoconfig.<domain>/mail/config-v1.1.xml` or to submit to the ISPDB. Usernames that
 * follow the address become placeholders (%EMAILADDRESS%, %EMAILLOCALPART%) so one file serves
 * every mailbox of the domain. Never contains a password.
 */
import type { AccountSettings, Endpoint, Security } from '../model.ts';
import { asciiHost, domainOf, localPartOf } from './settings.ts';
import type { ExportPart } from './types.ts';
import { block, element, escapeXml, xmlFilePart } from './xml.ts';

/** socketType words Thunderbird reads (readFromXML). */
const SOCKET_TYPE: Record<Security, string> = { tls: 'SSL', starttls: 'STARTTLS', plain: 'plain' };

/** The username as an autoconfig value: a placeholder when it is derived from the address. */
export function usernamePlaceholder(username: string, address: string): string {
  if (username.toLowerCase() === address.toLowerCase()) return '%EMAILADDRESS%';
  if (username === localPartOf(address)) return '%EMAILLOCALPART%';
  return username;
}

function serverLines(tag: 'incomingServer' | 'outgoingServer', ep: Endpoint, address: string) {
  const type = ep.protocol === 'smtp' ? 'smtp' : ep.protocol;
  return block(`<${tag} type="${type}">`, [
    element('hostname', ep.host),
    element('port', ep.port),
    element('socketType', SOCKET_TYPE[ep.security]),
    element('username', usernamePlaceholder(ep.username, address)),
    element('authentication', 'password-cleartext'),
    // POP3: keep copies on the server, as the PRF and user.js do (readFromXML reads these).
    ...(ep.protocol === 'pop3' ? block('<pop3>', [element('leaveMessagesOnServer', 'true')]) : []),
  ]);
}

export function thunderbirdAutoconfig(settings: AccountSettings): ExportPart {
  const domain = asciiHost(domainOf(settings.address)) ?? domainOf(settings.address);
  return xmlFilePart(
    'config-v1.1.xml',
    '<?xml version="1.0" encoding="UTF-8"?>',
    block('<clientConfig version="1.1">', [
      ...block(`<emailProvider id="${escapeXml(domain)}">`, [
        element('domain', domain),
        element('displayName', domain),
        element('displayShortName', domain),
        ...serverLines('incomingServer', settings.incoming, settings.address),
        ...serverLines('outgoingServer', settings.outgoing, settings.address),
      ]),
    ]),
  );
}
