import { describe, expect, it } from 'vitest';
import {
  MAX_SERVERS_PER_SIDE,
  parseAutoconfig,
} from '../../../electron/engine/discover/autoconfig-parser.ts';
import { parsedAddress } from '../../helpers/fixtures.ts';

const address = parsedAddress('Alice@Example.com');
const provenance = {
  source: 'autoconfig' as const,
  origin: 'https://autoconfig.example.com/x',
  trusted: true,
};

function config(servers: string): string {
  return `<?xml version="1.0"?>
<clientConfig version="1.1"><emailProvider id="example.com"><domain>example.com</domain>
${servers}
</emailProvider></clientConfig>`;
}

const IMAP = `<incomingServer type="imap"><hostname>imap.%EMAILDOMAIN%</hostname><port>993</port>
  <socketType>SSL</socketType><username>%EMAILLOCALPART%</username>
  <authentication>password-cleartext</authentication><authentication>OAuth2</authentication></incomingServer>`;
const SMTP = `<outgoingServer type="smtp"><hostname>smtp.example.com</hostname><port>587</port>
  <socketType>STARTTLS</socketType><username>%EMAILADDRESS%</username>
  <authentication>plain</authentication></outgoingServer>`;

describe('parseAutoconfig', () => {
  it('reads servers, substitutes placeholders and keeps provenance', () => {
    const result = parseAutoconfig(config(IMAP + SMTP), address, provenance);
    expect(result).toEqual({
      ok: true,
      value: {
        incoming: [
          {
            protocol: 'imap',
            host: 'imap.example.com',
            port: 993,
            security: 'tls',
            username: 'Alice',
            auth: ['password-cleartext', 'OAuth2'],
            ...provenance,
          },
        ],
        outgoing: [
          {
            protocol: 'smtp',
            host: 'smtp.example.com',
            port: 587,
            security: 'starttls',
            username: 'Alice@example.com',
            auth: ['password-cleartext'],
            ...provenance,
          },
        ],
      },
    });
  });

  it('uses the full address when <username> is missing or empty', () => {
    const xml = config(
      IMAP.replace('<username>%EMAILLOCALPART%</username>', '<username/>') +
        SMTP.replace('<username>%EMAILADDRESS%</username>', ''),
    );
    const result = parseAutoconfig(xml, address, provenance);
    expect(
      result.ok && [...result.value.incoming, ...result.value.outgoing].map((c) => c.username),
    ).toEqual(['Alice@example.com', 'Alice@example.com']);
  });

  it('accepts the deprecated auth values plain and secure', () => {
    const xml = config(IMAP.replace('password-cleartext', 'secure').replace('OAuth2', 'plain'));
    const result = parseAutoconfig(xml, address, provenance);
    expect(result.ok && result.value.incoming[0]?.auth).toEqual([
      'password-encrypted',
      'password-cleartext',
    ]);
  });

  it('skips bad servers but keeps the good ones', () => {
    const bad = [
      IMAP.replace('993', '99999'),
      IMAP.replace('993', '-1'),
      IMAP.replace('imap.%EMAILDOMAIN%', 'evil host;rm'),
      IMAP.replace('imap.%EMAILDOMAIN%', ''),
      IMAP.replace('SSL', 'carrier-pigeon'),
      IMAP.replace('type="imap"', 'type="exchange"'),
      SMTP.replace('type="smtp"', 'type="imap"').replace('outgoingServer', 'outgoingServer'),
    ].join('\n');
    const result = parseAutoconfig(
      config(bad + IMAP.replace('993', '143').replace('SSL', 'STARTTLS') + SMTP),
      address,
      provenance,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.incoming.map((c) => `${c.host}:${c.port}:${c.security}`)).toEqual([
      'imap.example.com:143:starttls',
    ]);
    expect(result.value.outgoing).toHaveLength(1);
  });

  it('refuses a DOCTYPE or ENTITY before parsing (entity bomb)', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
<clientConfig><emailProvider id="x"><displayName>&lol2;</displayName></emailProvider></clientConfig>`;
    expect(parseAutoconfig(bomb, address, provenance)).toMatchObject({
      ok: false,
      error: 'xml-doctype',
    });
    const entityOnly = config(IMAP).replace('<clientConfig', '<!ENTITY x "y"><clientConfig');
    expect(parseAutoconfig(entityOnly, address, provenance)).toMatchObject({
      ok: false,
      error: 'xml-doctype',
    });
  });

  it('names broken XML, a foreign root and a file without usable servers', () => {
    expect(parseAutoconfig('<clientConfig><emailProvider>', address, provenance)).toMatchObject({
      ok: false,
      error: 'xml-invalid',
    });
    expect(parseAutoconfig('not xml at all', address, provenance)).toMatchObject({
      ok: false,
      error: 'xml-invalid',
    });
    expect(parseAutoconfig('<html><body>hi</body></html>', address, provenance)).toMatchObject({
      ok: false,
      error: 'xml-invalid',
    });
    expect(parseAutoconfig(config(''), address, provenance)).toMatchObject({
      ok: false,
      error: 'no-usable-settings',
    });
  });

  it('survives huge input without throwing, keeping a bounded number of servers', () => {
    const huge = config(IMAP.repeat(200) + `<x>${'a'.repeat(500_000)}</x>`);
    const result = parseAutoconfig(huge, address, provenance);
    expect(result.ok && result.value.incoming.length).toBe(MAX_SERVERS_PER_SIDE);
    // Thousands of servers are more nodes than any mail setup: refused before a DOM is built.
    const absurd = parseAutoconfig(config(IMAP.repeat(2000)), address, provenance);
    expect(absurd).toMatchObject({ ok: false, error: 'xml-too-complex' });
  });
});
