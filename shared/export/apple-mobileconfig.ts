/**
 * Apple configuration profile (`<address>.mobileconfig`) with one `com.apple.mail.managed`
 * payload, for Mail on macOS, iOS and iPadOS. The profile's PayloadIdentifier is derived from the
 * address, so installing a newer profile for the same mailbox replaces the old one; the UUIDs are
 * fresh each time. Apple's payload only knows "Use SSL" (a boolean): an implicit-TLS endpoint is
 * preferred when one is known to work; otherwise STARTTLS ports get UseSSL=true and a note asks
 * the person to check the connection by hand. The password is included only when explicitly
 * asked for, with a warning note: the file is then as secret as the password.
 */
import type { AccountSettings, Endpoint } from '../model.ts';
import { preferImplicitTls } from './endpoint-choice.ts';
import { asciiHost, domainOf, localPartOf } from './settings-validation.ts';
import type { Alternatives, ExportNote, ExportPart, Translate } from './types.ts';
import { escapeXml, indent } from './xml.ts';

type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

/** Serialises a value as plist XML lines (strings escaped, integers as <integer>). */
export function plistLines(value: PlistValue): string[] {
  if (typeof value === 'string') return [`<string>${escapeXml(value)}</string>`];
  if (typeof value === 'number') return [`<integer>${Math.trunc(value)}</integer>`];
  if (typeof value === 'boolean') return [value ? '<true/>' : '<false/>'];
  if (Array.isArray(value)) return ['<array>', ...indent(value.flatMap(plistLines), 1), '</array>'];
  return [
    '<dict>',
    ...indent(
      Object.entries(value).flatMap(([key, v]) => [
        `<key>${escapeXml(key)}</key>`,
        ...plistLines(v),
      ]),
      1,
    ),
    '</dict>',
  ];
}

/** FNV-1a over the UTF-16 code units: a short, stable, dependency-free fingerprint. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * A reverse-DNS identifier that is the same for the same address every time, e.g.
 * `com.example.mailsetup.jane-5d1e3a9c` (the hash keeps addresses apart that clean up alike).
 */
export function profileIdentifier(address: string): string {
  const domain = asciiHost(domainOf(address)) ?? 'invalid';
  const reversed = domain.split('.').reverse().join('.');
  const local =
    localPartOf(address)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'mailbox';
  return `${reversed}.mailsetup.${local}-${fnv1a(address.toLowerCase())}`;
}

/** A file name from the address, without characters file systems refuse. */
export function profileFilename(address: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = address.replace(/[/\\:*?"<>|\u0000-\u001F\u007F]/g, '_').slice(0, 200);
  return `${safe}.mobileconfig`;
}

export interface MobileconfigOptions {
  alternatives?: Alternatives;
  includePassword?: boolean;
  randomUUID?: () => string;
  t?: Translate;
}

function server(ep: Endpoint, prefix: 'Incoming' | 'Outgoing') {
  return {
    [`${prefix}MailServerHostName`]: ep.host,
    [`${prefix}MailServerPortNumber`]: ep.port,
    [`${prefix}MailServerUseSSL`]: ep.security !== 'plain',
    [`${prefix}MailServerUsername`]: ep.username,
    [`${prefix}MailServerAuthentication`]: 'EmailAuthPassword',
  };
}

export function appleMobileconfig(
  settings: AccountSettings,
  options: MobileconfigOptions = {},
): ExportPart {
  const randomUUID = options.randomUUID ?? (() => globalThis.crypto.randomUUID());
  const alternatives = options.alternatives ?? [];
  const inChoice = preferImplicitTls(settings.incoming, alternatives, 'apple');
  const outChoice = preferImplicitTls(settings.outgoing, alternatives, 'apple');
  const notes: ExportNote[] = [...inChoice.notes, ...outChoice.notes];
  for (const ep of [inChoice.endpoint, outChoice.endpoint]) {
    if (ep.security === 'starttls') {
      notes.push({
        code: 'starttls-as-ssl',
        severity: 'warning',
        format: 'apple',
        params: { protocol: ep.protocol.toUpperCase(), host: ep.host, port: ep.port },
      });
    }
  }
  const id = profileIdentifier(settings.address);
  const withPassword = options.includePassword === true && typeof settings.password === 'string';
  const mail: Record<string, PlistValue> = {
    PayloadType: 'com.apple.mail.managed',
    PayloadVersion: 1,
    PayloadIdentifier: `${id}.mail`,
    PayloadUUID: randomUUID().toUpperCase(),
    PayloadDisplayName: settings.address,
    EmailAccountType: settings.incoming.protocol === 'imap' ? 'EmailTypeIMAP' : 'EmailTypePOP',
    EmailAccountDescription: settings.address,
    ...(settings.displayName ? { EmailAccountName: settings.displayName } : {}),
    EmailAddress: settings.address,
    ...server(inChoice.endpoint, 'Incoming'),
    ...server(outChoice.endpoint, 'Outgoing'),
  };
  if (withPassword) {
    mail.IncomingPassword = settings.password as string;
    mail.OutgoingPassword = settings.password as string;
    notes.push({ code: 'password-included', severity: 'warning', format: 'apple', params: {} });
  } else {
    mail.OutgoingPasswordSameAsIncomingPassword = true;
  }
  const profile: Record<string, PlistValue> = {
    PayloadContent: [mail],
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: id,
    PayloadUUID: randomUUID().toUpperCase(),
    PayloadDisplayName: settings.address,
    ...(options.t ? { PayloadDescription: options.t('export:apple.payloadDescription') } : {}),
    PayloadRemovalDisallowed: false,
  };
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    ...plistLines(profile),
    '</plist>',
    '',
  ];
  return {
    files: [
      {
        filename: profileFilename(settings.address),
        mediaType: 'application/x-apple-aspen-config',
        content: lines.join('\n'),
        usage: 'appleProfile',
      },
    ],
    notes,
  };
}
