/**
 * Settings the export tests run over: IMAP and POP3, implicit TLS and STARTTLS, an ASCII and a
 * hostile display name (quotes, ampersand, angle brackets, umlauts, emoji, right-to-left text,
 * INI comment marks, a backslash), an internationalised domain and a very long value.
 */
import { XMLParser } from 'fast-xml-parser';
import type { AccountSettings, Endpoint, Protocol, Security } from '../../../shared/model.ts';
import type { Translate } from '../../../shared/export/index.ts';
import { createI18n, type Language } from '../../../shared/i18n/index.ts';

export const HOSTILE_NAME = `Zoë "Zo" O'Brien & <Ops> 🚀 שלום עולם; #1 \\ Müller`;
export const LONG_NAME = `${'Ä-very-long-name '.repeat(40)}end`;

const PORTS: Record<Protocol, Record<Exclude<Security, 'plain'>, number>> = {
  imap: { tls: 993, starttls: 143 },
  pop3: { tls: 995, starttls: 110 },
  smtp: { tls: 465, starttls: 587 },
};

function endpoint(protocol: Protocol, security: 'tls' | 'starttls', username: string): Endpoint {
  const host = protocol === 'smtp' ? 'smtp.example.com' : `${protocol}.example.com`;
  return { protocol, host, port: PORTS[protocol][security], security, username };
}

export interface Case {
  label: string;
  settings: AccountSettings;
}

/** Every combination of protocol, security and display name. */
export function cases(): Case[] {
  const out: Case[] = [];
  for (const protocol of ['imap', 'pop3'] as const) {
    for (const security of ['tls', 'starttls'] as const) {
      for (const [nameLabel, displayName, address] of [
        ['ascii', 'Jane Doe', 'jane@example.com'],
        ['hostile', HOSTILE_NAME, "jöran.o'brien@bücher.example"],
        ['long', LONG_NAME, 'long@example.com'],
      ] as const) {
        out.push({
          label: `${protocol} ${security} ${nameLabel}`,
          settings: {
            address,
            displayName,
            incoming: endpoint(protocol, security, address),
            // A different SMTP username for the hostile case exercises the separate-login paths.
            outgoing: endpoint('smtp', security, nameLabel === 'hostile' ? 'smtp-user+1' : address),
          },
        });
      }
    }
  }
  return out;
}

export const JANE: AccountSettings = cases()[0]!.settings;

/** A translation function of the real catalogues. */
export function translator(language: Language): Translate {
  const i18n = createI18n(language);
  return (key, params) => i18n.t(key, params as never) as unknown as string;
}

/** fast-xml-parser, set to give back exactly what the file says (strings, entities decoded). */
export const xmlParser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
});

export const FIXED_UUIDS = () => {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
};
export const FIXED_DATE = new Date('2026-11-21T08:00:00Z');
