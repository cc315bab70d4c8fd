/**
 * Discovery against the lab (dnsmasq zones with MX/SRV/A records, the HTTPS/HTTP server with the
 * autoconfig and Autodiscover documents of test/lab/web): each test domain is found by the source
 * built for it, with the right trust, and hostile documents are refused with named errors.
 */
import { describe, expect, inject, it } from 'vitest';
import type { SourceReport } from '../../shared/model.ts';
import {
  discover,
  discoverSettings,
  type DiscoverOptions,
} from '../../electron/engine/discover/index.ts';
import { autodiscoverAt } from '../../electron/engine/discover/autodiscover-source.ts';
import { discoveryDns } from '../../electron/engine/discover/dns.ts';
import { fetchAutoconfig } from '../../electron/engine/discover/fetch-source.ts';
import { createResolver } from '../../electron/engine/net/resolver.ts';
import type { SourceContext } from '../../electron/engine/discover/types.ts';
import { LAB_DOMAINS, LAB_HOSTS } from '../lab/topology.ts';
import { parsedAddress } from '../helpers/fixtures.ts';

const lab = inject('lab');
/** Inside the lab's `.test` zone: dnsmasq answers NXDOMAIN, so the ISPDB is "not there". */
const ISPDB = 'https://ispdb.unreachable.test/v1.1/';
const options = (extra: Partial<DiscoverOptions> = {}): DiscoverOptions => ({
  resolver: createResolver({ server: lab.dns, timeoutMs: 5000 }),
  ca: [lab.caPem],
  ispdbUrl: ISPDB,
  timeoutMs: 5000,
  ...extra,
});

/** What one discovery source runs with, pointed at the lab. */
const sourceContext = (address: string): SourceContext => ({
  address: parsedAddress(address),
  dns: discoveryDns(createResolver({ server: lab.dns, timeoutMs: 5000 })),
  ca: [lab.caPem],
  ispdbUrl: ISPDB,
  timeoutMs: 5000,
});
const found = (sources: SourceReport[]) =>
  sources.filter((s) => s.outcome === 'found').map((s) => s.source);
const rows = (list: { protocol: string; host: string; port: number; security: string }[]) =>
  list.map((c) => `${c.protocol} ${c.host}:${c.port} ${c.security}`);

describe('discover against the lab', () => {
  it('good.test: https autoconfig, trusted, placeholders filled', async () => {
    const result = await discover(parsedAddress('alice@good.test'), options());
    expect(found(result.sources)[0]).toBe('autoconfig');
    expect(rows(result.incoming)).toContain(`imap ${LAB_HOSTS.good.name}:993 tls`);
    const first = result.incoming[0];
    expect(first).toMatchObject({
      source: 'autoconfig',
      trusted: true,
      username: 'alice@good.test',
    });
    expect(first?.origin).toMatch(/^https:\/\/autoconfig\.good\.test\/mail\/config-v1\.1\.xml/);
  });

  it('srvonly.test: only SRV records; "." target not offered; target elsewhere untrusted', async () => {
    const result = await discover(parsedAddress('x@srvonly.test'), options());
    expect(found(result.sources)).toEqual(['srv']);
    expect(rows(result.incoming)).toEqual([
      `imap ${LAB_HOSTS.good.name}:993 tls`,
      `imap ${LAB_HOSTS.good.name}:143 starttls`,
      `pop3 ${LAB_HOSTS.good.name}:995 tls`,
    ]);
    expect(rows(result.outgoing)).toEqual([
      `smtp ${LAB_HOSTS.good.name}:465 tls`,
      `smtp ${LAB_HOSTS.good.name}:587 starttls`,
    ]);
    expect(result.incoming.every((c) => c.source === 'srv' && !c.trusted)).toBe(true);
    expect(result.incoming[0]?.origin).toContain('_imaps._tcp.srvonly.test');
  });

  it('autoconfig.test: skips the bad server entry, accepts deprecated auth, local-part username', async () => {
    const result = await discover(parsedAddress('bob@autoconfig.test'), options());
    expect(found(result.sources)).toContain('autoconfig');
    expect(rows(result.incoming)).toEqual([
      `imap ${LAB_HOSTS.good.name}:143 starttls`,
      `imap ${LAB_HOSTS.good.name}:993 tls`,
    ]);
    expect(result.incoming[0]).toMatchObject({
      username: 'bob',
      auth: ['password-cleartext'],
      trusted: true,
    });
  });

  it('mxonly.test: MX at a known provider gives its own servers, trusted', async () => {
    const result = await discover(parsedAddress('x@mxonly.test'), options());
    expect(found(result.sources)).toEqual(['mx']);
    expect(result.provider).toBe('mailbox-org');
    expect(result.incoming[0]).toMatchObject({
      host: 'imap.mailbox.org',
      port: 993,
      source: 'mx',
      trusted: true,
    });
    expect(result.hostedBy).toMatchObject({ provider: 'mailbox-org', trusted: true });
  });

  it('httponly.test: autoconfig over plain http only is untrusted', async () => {
    const result = await discover(parsedAddress('x@httponly.test'), options());
    expect(found(result.sources)).toEqual(['autoconfig-http']);
    expect(
      result.sources.find((s) => s.source === 'autoconfig-http' && s.outcome === 'found')?.trusted,
    ).toBe(false);
    expect(result.incoming.every((c) => c.source === 'autoconfig-http' && !c.trusted)).toBe(true);
  });

  it('autodiscover.test: Outlook Autodiscover (POX) without credentials', async () => {
    const result = await discover(parsedAddress('x@autodiscover.test'), options());
    expect(found(result.sources)).toEqual(['autodiscover']);
    expect(rows(result.incoming)).toEqual([`imap ${LAB_HOSTS.good.name}:993 tls`]);
    expect(rows(result.outgoing)).toEqual([`smtp ${LAB_HOSTS.good.name}:587 starttls`]);
    expect(result.incoming[0]).toMatchObject({ trusted: true, username: 'x@autodiscover.test' });
  });

  it('hostile.test: huge body, entity bomb and redirect loop are refused with named errors', async () => {
    const started = Date.now();
    const result = await discover(parsedAddress('x@hostile.test'), options());
    const errors = result.sources
      .filter((s) => s.outcome === 'error')
      .map((s) => `${s.source}:${s.error}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        'autoconfig:too-large',
        'autoconfig:xml-doctype',
        'autoconfig-http:too-many-redirects',
      ]),
    );
    // The cross-domain redirect (http, to another domain) is followed but never trusted.
    expect(result.incoming.length).toBeGreaterThan(0);
    expect(result.incoming.every((c) => !c.trusted)).toBe(true);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('hostile.test: a document full of bad values yields no settings, by name', async () => {
    const context = sourceContext('x@hostile.test');
    const fetchFrom = (path: string) =>
      fetchAutoconfig(
        context,
        { url: `https://hostile.test${path}`, source: 'autoconfig', trustDomain: 'hostile.test' },
        new AbortController().signal,
      );
    expect(await fetchFrom('/hostile/bad-values.xml')).toMatchObject({
      outcome: 'error',
      error: 'no-usable-settings',
    });
    expect(await fetchFrom('/hostile/wrong-content-type')).toMatchObject({
      outcome: 'error',
      error: 'bad-content-type',
    });
  });

  it('autodiscover.test: follows a redirectUrl answer, and gives up on a redirect loop', async () => {
    const context = sourceContext('x@autodiscover.test');
    const signal = new AbortController().signal;
    const base = 'https://autodiscover.autodiscover.test/autodiscover';
    const redirected = await autodiscoverAt(context, `${base}/redirect-url.xml`, signal);
    expect(redirected).toMatchObject({ outcome: 'found', trusted: true });
    expect(await autodiscoverAt(context, `${base}/redirect-loop.xml`, signal)).toMatchObject({
      outcome: 'error',
      error: 'too-many-redirects',
    });
  });

  it('guessonly.test: nothing answers but guessing, which keeps the right protocol per name', async () => {
    const result = await discover(parsedAddress('x@guessonly.test'), options());
    expect(found(result.sources)).toEqual(['guess']);
    expect(result.incoming[0]).toMatchObject({
      host: `imap.${LAB_DOMAINS.guessOnly}`,
      port: 993,
      security: 'tls',
      source: 'guess',
    });
    expect(result.outgoing[0]).toMatchObject({
      host: `smtp.${LAB_DOMAINS.guessOnly}`,
      protocol: 'smtp',
    });
    expect(
      result.incoming.some(
        (c) => c.host === `imap.${LAB_DOMAINS.guessOnly}` && c.protocol === 'pop3',
      ),
    ).toBe(false);
  });

  it('streams a start and a done event per source, then the result', async () => {
    const events: string[] = [];
    for await (const event of discoverSettings(parsedAddress('alice@good.test'), options()))
      events.push(event.type);
    const starts = events.filter((e) => e === 'source-start').length;
    expect(starts).toBeGreaterThan(5);
    expect(events.filter((e) => e === 'source-done').length).toBe(starts);
    expect(events.at(-1)).toBe('done');
  });
});
