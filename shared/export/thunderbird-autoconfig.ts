/**
 * Thunderbird autoconfig (`config-v1.1.xml`, clientConfig format 1.1): for a domain admin to serve
 * at `https://autoconfig.<domain>/mail/config-v1.1.xml` or to submit to the ISPDB. Usernames become
 * the placeholder form that produced them (%EMAILADDRESS%, %EMAILLOCALPART%,
 * %EMAILLOCALPART%%%EMAILDOMAIN%) so one file serves every mailbox of the domain; a username that
 * follows no form is never written (the file names the address and a note says so). Never
 * contains a password.
 */
import type { AccountSettings, Endpoint, Security } from '../model.ts';
import { asciiHost, domainOf, localPartOf } from './settings-validation.ts';
import { thunderbirdKnowsOAuth2 } from './login-method.ts';
import type { ExportNote, ExportPart } from './types.ts';
import { block, element, escapeXml, xmlFilePart } from './xml.ts';

/** socketType words Thunderbird reads (readFromXML). */
const SOCKET_TYPE: Record<Security, string> = { tls: 'SSL', starttls: 'STARTTLS', plain: 'plain' };

/**
 * The placeholder form of a username derived from the address (full address, local part,
 * Runbox's `local%domain`), or null when it follows no form: this file serves every mailbox of
 * the domain, so one person's literal name must never land in it.
 */
export function usernamePlaceholder(username: string, address: string): string | null {
  const local = localPartOf(address);
  const name = username.toLowerCase();
  if (name === address.toLowerCase()) return '%EMAILADDRESS%';
  if (username === local) return '%EMAILLOCALPART%';
  if (name === `${local}%${domainOf(address)}`.toLowerCase())
    return '%EMAILLOCALPART%%%EMAILDOMAIN%';
  return null;
}

/** The `<authentication>` values, preferred first: OAuth2 where Thunderbird signs in with it. */
function authentications(ep: Endpoint): string[] {
  if (ep.authMethod === 'oauth2') return ['OAuth2'];
  const password =
    ep.authMethod === 'password-encrypted' ? 'password-encrypted' : 'password-cleartext';
  return thunderbirdKnowsOAuth2(ep.host) ? ['OAuth2', password] : [password];
}

function serverLines(tag: 'incomingServer' | 'outgoingServer', ep: Endpoint, address: string) {
  const type = ep.protocol === 'smtp' ? 'smtp' : ep.protocol;
  return block(`<${tag} type="${type}">`, [
    element('hostname', ep.host),
    element('port', ep.port),
    element('socketType', SOCKET_TYPE[ep.security]),
    element('username', usernamePlaceholder(ep.username, address) ?? '%EMAILADDRESS%'),
    ...authentications(ep).map((value) => element('authentication', value)),
    // POP3: keep copies on the server, as the PRF and user.js do (readFromXML reads these).
    ...(ep.protocol === 'pop3' ? block('<pop3>', [element('leaveMessagesOnServer', 'true')]) : []),
  ]);
}

/** A note for each username the file cannot carry (it names the full address instead). */
function usernameNotes(settings: AccountSettings): ExportNote[] {
  const names = [settings.incoming.username, settings.outgoing.username].filter(
    (name) => usernamePlaceholder(name, settings.address) === null,
  );
  return [...new Set(names)].map((username) => ({
    code: 'username-not-in-autoconfig',
    severity: 'warning',
    format: 'thunderbird',
    params: { username },
  }));
}

export function thunderbirdAutoconfig(settings: AccountSettings): ExportPart {
  const domain = asciiHost(domainOf(settings.address)) ?? domainOf(settings.address);
  const part = xmlFilePart(
    'config-v1.1.xml',
    'thunderbirdAutoconfig',
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
  return { ...part, notes: [...part.notes, ...usernameNotes(settings)] };
}
