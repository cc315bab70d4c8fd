import { describe, expect, it } from 'vitest';
import {
  autodiscoverRequest,
  parseAutodiscover,
} from '../../../electron/engine/discover/autodiscover-parser.ts';
import { parseXml } from '../../../electron/engine/discover/xml.ts';
import { parsedAddress } from '../../helpers/fixtures.ts';

const address = parsedAddress('bob@example.com');
const provenance = {
  source: 'autodiscover' as const,
  origin: 'https://autodiscover.example.com/autodiscover/autodiscover.xml',
  trusted: true,
};

function response(account: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
<Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
<Account>${account}</Account></Response></Autodiscover>`;
}

describe('parseAutodiscover', () => {
  it('reads IMAP, POP3 and SMTP blocks with their security', () => {
    const xml = response(`<AccountType>email</AccountType><Action>settings</Action>
<Protocol><Type>IMAP</Type><Server>mail.example.com</Server><Port>993</Port><LoginName>bob</LoginName><SSL>on</SSL></Protocol>
<Protocol><Type>POP3</Type><Server>mail.example.com</Server><Port>110</Port><SSL>on</SSL></Protocol>
<Protocol><Type>SMTP</Type><Server>mail.example.com</Server><Port>587</Port><Encryption>TLS</Encryption><SPA>off</SPA></Protocol>
<Protocol><Type>SMTP</Type><Server>mail.example.com</Server><Port>25</Port><SSL>off</SSL></Protocol>
<Protocol><Type>EXCH</Type><Server>ex.example.com</Server></Protocol>
<Protocol><Type>IMAP</Type><Server>bad host</Server><Port>993</Port></Protocol>`);
    const result = parseAutodiscover(xml, address, provenance);
    expect(result.ok).toBe(true);
    if (!result.ok || result.value.kind !== 'settings') throw new Error('no settings');
    const rows = (list: typeof result.value.found.incoming) =>
      list.map((c) => `${c.protocol} ${c.host}:${c.port} ${c.security} ${c.username}`);
    expect(rows(result.value.found.incoming)).toEqual([
      'imap mail.example.com:993 tls bob',
      'pop3 mail.example.com:110 starttls bob@example.com',
    ]);
    expect(rows(result.value.found.outgoing)).toEqual([
      'smtp mail.example.com:587 starttls bob@example.com',
      'smtp mail.example.com:25 plain bob@example.com',
    ]);
    expect(result.value.found.incoming[0]).toMatchObject(provenance);
  });

  it('returns redirects for the caller to follow; only https redirect URLs', () => {
    expect(
      parseAutodiscover(
        response('<Action>redirectAddr</Action><RedirectAddr>bob@other.example</RedirectAddr>'),
        address,
        provenance,
      ),
    ).toEqual({
      ok: true,
      value: { kind: 'redirect-address', address: 'bob@other.example' },
    });
    expect(
      parseAutodiscover(
        response(
          '<Action>redirectUrl</Action><RedirectUrl>https://ad.other.example/autodiscover/autodiscover.xml</RedirectUrl>',
        ),
        address,
        provenance,
      ),
    ).toMatchObject({
      ok: true,
      value: { kind: 'redirect-url' },
    });
    expect(
      parseAutodiscover(
        response('<Action>redirectUrl</Action><RedirectUrl>http://x.example/</RedirectUrl>'),
        address,
        provenance,
      ),
    ).toMatchObject({
      ok: false,
      error: 'no-usable-settings',
    });
  });

  it('refuses DOCTYPE, a foreign root and an error response', () => {
    expect(parseAutodiscover('<!DOCTYPE x><Autodiscover/>', address, provenance)).toMatchObject({
      error: 'xml-doctype',
    });
    expect(parseAutodiscover('<clientConfig/>', address, provenance)).toMatchObject({
      error: 'xml-invalid',
    });
    const error = `<Autodiscover><Response><Error><ErrorCode>600</ErrorCode></Error></Response></Autodiscover>`;
    expect(parseAutodiscover(error, address, provenance)).toMatchObject({
      error: 'no-usable-settings',
    });
  });

  it('builds a well-formed request with the address escaped', () => {
    const body = autodiscoverRequest('a<b>&"c@example.com');
    const parsed = parseXml(body);
    expect(parsed.ok).toBe(true);
    expect(body).not.toContain('a<b>');
    expect(body).toContain('EMailAddress');
  });
});
