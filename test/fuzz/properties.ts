/**
 * The fuzz properties, shared by `npm run fuzz` (test/fuzz/run.ts, many cases) and the unit suite
 * (test/unit/hostile/fuzz-slice.test.ts, a small fixed-seed slice). Each property names what it
 * checks; `weight` scales its share of the cases (cheap parsers get more than exporters).
 */
import { hasUnsafeChars } from '../../shared/control-chars.ts';
import type net from 'node:net';
import { Duplex } from 'node:stream';
import fc from 'fast-check';
import { parse as parsePlist } from 'plist';
import { parseAddress, substitutePlaceholders, type ParsedAddress } from '../../shared/address.ts';
import { ADDRESS_ERRORS, SOURCE_ERRORS } from '../../shared/codes.ts';
import type {
  AccountSettings,
  Candidate,
  Endpoint,
  Protocol,
  Security,
} from '../../shared/model.ts';
import { appleMobileconfig } from '../../shared/export/apple-mobileconfig.ts';
import { outlookAutodiscover } from '../../shared/export/outlook-autodiscover.ts';
import { outlookPrf, prfValue } from '../../shared/export/outlook-prf.ts';
import { fitsWindows1252 } from '../../shared/export/windows-1252.ts';
import {
  thunderbirdAutoconfig,
  usernamePlaceholder,
} from '../../shared/export/thunderbird-autoconfig.ts';
import { thunderbirdUserJs } from '../../shared/export/thunderbird-userjs.ts';
import { ticketReport } from '../../shared/export/ticket-report.ts';
import {
  parseAutoconfig,
  type Provenance,
} from '../../electron/engine/discover/autoconfig-parser.ts';
import { parseAutodiscover } from '../../electron/engine/discover/autodiscover-parser.ts';
import { cleanPort } from '../../electron/engine/discover/sanitize.ts';
import { orderSrvRecords } from '../../electron/engine/discover/srv.ts';
import { Connection } from '../../electron/engine/net/connection.ts';
import { toAsciiHostname } from '../../electron/engine/net/hostname.ts';
import {
  MAX_CAPABILITIES,
  MAX_CAPABILITY_LENGTH,
  type CapabilitySet,
} from '../../electron/engine/probe/capabilities.ts';
import { recogniseGreeting } from '../../electron/engine/probe/greeting.ts';
import { parseImapCapability, parseImapGreeting } from '../../electron/engine/probe/imap.ts';
import { parsePop3Capa } from '../../electron/engine/probe/pop3.ts';
import { parseEhlo, parseSmtpReply } from '../../electron/engine/probe/smtp.ts';
import { parseCapabilities, parseStatus } from '../../electron/engine/verify/pop3-reply.ts';

export interface FuzzProperty {
  name: string;
  /** Relative share of the cases. */
  weight: number;
  property: AnyProperty;
}

/** The properties take different argument tuples; the runner only needs to run them. */
type AnyProperty = fc.IRawProperty<unknown>;

// ---- arbitraries ------------------------------------------------------------------------------

/** Characters that break formats: quotes, markup, INI and JS comment marks, percent, RTL, emoji. */
const NASTY = [
  '"',
  "'",
  '<',
  '>',
  '&',
  ';',
  '#',
  '\\',
  '%',
  '=',
  '[',
  ']',
  '\u202e',
  '🚀',
  'ß',
  'é',
  '\u00a0',
];

/** Text with the nasty characters mixed into any Unicode. */
const nastyText = (maxLength: number): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 4 }), fc.constantFrom(...NASTY)), {
      maxLength: Math.ceil(maxLength / 2),
    })
    .map((parts) => parts.join('').slice(0, maxLength));

const label = fc
  .stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,14}[a-z0-9])?$/)
  .filter((text) => text.length > 0);
const hostname = fc
  .tuple(
    fc.array(label, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('com', 'test', 'example', 'de'),
  )
  .map(([labels, tld]) => [...labels, tld].join('.'));
const port = fc.integer({ min: 1, max: 65535 });
const security = fc.constantFrom<Security>('tls', 'starttls', 'plain');

/**
 * A username as people have them: printable, no surrounding white space (every format trims it),
 * no autoconfig placeholder word (the formats cannot escape one; see README "Security").
 */
const username = nastyText(60)
  .map((text) => text.trim())
  // Control characters, C1 and bidi controls are refused before any exporter runs (settings.ts).
  .filter((text) => text.length > 0 && !hasUnsafeChars(text))
  .filter((text) => !/%(EMAILADDRESS|EMAILLOCALPART|EMAILDOMAIN|REALNAME)%/.test(text));

const localPart = fc
  .stringMatching(/^[a-z0-9][a-z0-9._+-]{0,20}$/)
  .filter((text) => !/\.\.|\.$/.test(text));
const address = fc
  .tuple(localPart, hostname)
  .map(([local, domain]) => `${local}@${domain}`)
  .filter((text) => parseAddress(text).ok);

function endpointOf(protocol: Protocol): fc.Arbitrary<Endpoint> {
  return fc.record({ protocol: fc.constant(protocol), host: hostname, port, security, username });
}

export const settingsArbitrary: fc.Arbitrary<AccountSettings> = fc
  .record({
    address,
    displayName: fc.option(
      nastyText(40).filter((text) => !hasUnsafeChars(text)),
      { nil: undefined },
    ),
    incoming: fc.constantFrom<Protocol>('imap', 'pop3').chain(endpointOf),
    outgoing: endpointOf('smtp'),
  })
  .map((settings) => {
    const { displayName, ...rest } = settings;
    return displayName === undefined ? rest : { ...rest, displayName };
  });

function parsed(text: string): ParsedAddress {
  const result = parseAddress(text);
  if (!result.ok) throw new Error(`generator made an invalid address: ${text}`);
  return result.value;
}

const PROVENANCE: Provenance = { source: 'autoconfig', origin: 'fuzz', trusted: true };

/** The parts of a candidate that must survive a round trip through a file. */
function core(endpoint: Endpoint | Candidate | undefined): Endpoint | undefined {
  if (!endpoint) return undefined;
  const { protocol, host, port: number, security: sec, username: user } = endpoint;
  return { protocol, host, port: number, security: sec, username: user };
}

function same(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: got ${a}, expected ${e}`);
}

// ---- hostile documents --------------------------------------------------------------------------

const hostileHost = fc.oneof(
  hostname,
  fc.constantFrom(
    'evil.test;rm -rf',
    '127.0.0.1:22@x',
    'a b.test',
    '-lead.test',
    'trail-.test',
    '%EMAILDOMAIN%',
    '%EMAILLOCALPART%.evil.test',
    'x'.repeat(300),
    '..',
    '.',
    '[::1]',
    'http://x.test/',
    'ex\u0000ample.com',
  ),
  nastyText(30),
);
const hostilePort = fc.oneof(
  port.map(String),
  fc.constantFrom('0', '65536', '993abc', '-1', ' 993', '1e3', '0x3e1', '', '99999999999'),
  nastyText(8),
);

function autoconfigDocument(
  servers: Array<{
    tag: string;
    type: string;
    host: string;
    port: string;
    socket: string;
    user: string;
  }>,
): string {
  const esc = (text: string): string =>
    text.replace(/[<>&"]/g, (char) => `&#${char.charCodeAt(0)};`);
  const body = servers
    .map(
      (s) =>
        `<${s.tag} type="${esc(s.type)}"><hostname>${esc(s.host)}</hostname><port>${esc(s.port)}</port>` +
        `<socketType>${esc(s.socket)}</socketType><username>${esc(s.user)}</username>` +
        `<authentication>password-cleartext</authentication></${s.tag}>`,
    )
    .join('');
  return `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="x">${body}</emailProvider></clientConfig>`;
}

const hostileServer = fc.record({
  tag: fc.constantFrom('incomingServer', 'outgoingServer'),
  type: fc.constantFrom('imap', 'pop3', 'smtp', 'exchange', 'IMAP', ''),
  host: hostileHost,
  port: hostilePort,
  socket: fc.constantFrom('SSL', 'STARTTLS', 'plain', 'TLS', 'bogus', ''),
  user: fc.oneof(
    nastyText(20),
    fc.constantFrom('%EMAILADDRESS%', '%EMAILLOCALPART%', '%REALNAME%'),
  ),
});

/** Every candidate a parser gives back is clean, whatever the document said. */
function checkCandidates(candidates: readonly Candidate[]): void {
  for (const candidate of candidates) {
    if (toAsciiHostname(candidate.host) !== candidate.host) {
      throw new Error(`unclean host ${JSON.stringify(candidate.host)}`);
    }
    if (!Number.isInteger(candidate.port) || candidate.port < 1 || candidate.port > 65535) {
      throw new Error(`bad port ${candidate.port}`);
    }
    if (!['tls', 'starttls', 'plain'].includes(candidate.security)) throw new Error('bad security');
    // eslint-disable-next-line no-control-regex -- control characters must never pass
    if (/[\u0000-\u001f\u007f]/.test(candidate.username) || candidate.username.length > 256) {
      throw new Error(`unclean username ${JSON.stringify(candidate.username)}`);
    }
  }
}

function checkOutcomeCode(outcome: { ok: boolean; error?: string }): void {
  if (!outcome.ok && !(SOURCE_ERRORS as readonly string[]).includes(outcome.error ?? '')) {
    throw new Error(`unknown error code ${outcome.error}`);
  }
}

// ---- protocol lines -----------------------------------------------------------------------------

const protocolLine = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .tuple(
      fc.constantFrom(
        '* ',
        '* OK ',
        '* CAPABILITY ',
        '+OK ',
        '-ERR ',
        '250-',
        '250 ',
        '220 ',
        'a1 OK ',
        '+ ',
        '',
      ),
      fc.array(
        fc.oneof(
          nastyText(12),
          fc.constantFrom(
            'AUTH=PLAIN',
            'STARTTLS',
            'STLS',
            'SASL',
            'AUTH',
            'LOGINDISABLED',
            '[',
            ']',
            '(',
            ')',
          ),
        ),
        { maxLength: 30 },
      ),
    )
    .map(([start, words]) => start + words.join(' ')),
);
const lines = fc.array(protocolLine, { maxLength: 40 });

function checkCapabilities(set: CapabilitySet | null): void {
  if (!set) return;
  if (set.capabilities.length > MAX_CAPABILITIES || set.auth.length > MAX_CAPABILITIES) {
    throw new Error('too many capabilities kept');
  }
  for (const word of [...set.capabilities, ...set.auth]) {
    if (word.length > MAX_CAPABILITY_LENGTH + 1) throw new Error('capability too long');
  }
}

/**
 * Feeds `chunks` to a Connection over an in-memory socket and reads lines until it fails; returns
 * the lines read and the failure code.
 */
async function readThroughConnection(chunks: Buffer[]): Promise<{ lines: string[]; end: string }> {
  const socket = new Duplex({ read() {}, write: (_chunk, _encoding, done) => done() });
  const connection = new Connection(socket as unknown as net.Socket, {
    timeoutMs: 1000,
    limits: { maxLineLength: LINE_CAP, maxBytes: BYTE_CAP },
  });
  for (const chunk of chunks) socket.push(chunk);
  socket.push(null);
  const lines: string[] = [];
  for (;;) {
    const line = await connection.readLine();
    if (!line.ok) {
      connection.close();
      return { lines, end: line.error.code };
    }
    lines.push(line.value);
  }
}

const LINE_CAP = 64;
const BYTE_CAP = 4096;

/** What a correct line reader gives for the whole text, cut at the same caps. */
function expectedLines(data: Buffer): { lines: string[]; end: string } {
  if (data.length > BYTE_CAP) return { lines: [], end: 'too-much-data' };
  const lines: string[] = [];
  let rest = data;
  for (;;) {
    const newline = rest.indexOf(0x0a);
    const length = newline === -1 ? rest.length : newline;
    if (length > LINE_CAP) return { lines, end: 'line-too-long' };
    if (newline === -1) return { lines, end: 'closed' };
    lines.push(rest.subarray(0, newline).toString('utf8').replace(/\r$/, ''));
    rest = rest.subarray(newline + 1);
  }
}

// ---- the properties -----------------------------------------------------------------------------

const ADDRESS_CODES = new Set<string>(ADDRESS_ERRORS);

export const PROPERTIES: FuzzProperty[] = [
  {
    name: 'address parser: never throws, known codes only, idempotent on its output',
    weight: 20,
    property: fc.property(
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.string({ unit: 'binary', maxLength: 80 }),
        address,
        nastyText(60).map((t) => `${t}@${t}`),
      ),
      (input) => {
        const result = parseAddress(input);
        if (!result.ok) {
          if (!ADDRESS_CODES.has(result.error)) throw new Error(`unknown code ${result.error}`);
          return;
        }
        const again = parseAddress(result.value.address);
        if (!again.ok) throw new Error(`own output refused: ${result.value.address}`);
        same(again.value, result.value, 'idempotence');
        if (toAsciiHostname(result.value.domain) !== result.value.domain) {
          throw new Error(`domain not clean ASCII: ${result.value.domain}`);
        }
      },
    ) as unknown as AnyProperty,
  },
  {
    name: 'autoconfig parser: arbitrary text never throws and yields a known code',
    weight: 10,
    property: fc.property(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 400 }),
        nastyText(200).map((t) => `<clientConfig>${t}</clientConfig>`),
      ),
      (text) => {
        const outcome = parseAutoconfig(text, parsed('a@b.test'), PROVENANCE);
        checkOutcomeCode(outcome);
        if (outcome.ok) checkCandidates([...outcome.value.incoming, ...outcome.value.outgoing]);
      },
    ) as unknown as AnyProperty,
  },
  {
    name: 'autoconfig parser: hostile hosts, ports and placeholders never pass as clean candidates',
    weight: 10,
    property: fc.property(fc.array(hostileServer, { maxLength: 6 }), address, (servers, mail) => {
      const outcome = parseAutoconfig(autoconfigDocument(servers), parsed(mail), PROVENANCE);
      checkOutcomeCode(outcome);
      if (outcome.ok) checkCandidates([...outcome.value.incoming, ...outcome.value.outgoing]);
    }) as unknown as AnyProperty,
  },
  {
    name: 'autodiscover parser: arbitrary text never throws and yields a known code',
    weight: 8,
    property: fc.property(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 400 }),
        nastyText(200).map(
          (t) => `<Autodiscover><Response><Account>${t}</Account></Response></Autodiscover>`,
        ),
      ),
      (text) => {
        const outcome = parseAutodiscover(text, parsed('a@b.test'), PROVENANCE);
        checkOutcomeCode(outcome);
        if (outcome.ok && outcome.value.kind === 'settings') {
          checkCandidates([...outcome.value.found.incoming, ...outcome.value.found.outgoing]);
        }
      },
    ) as unknown as AnyProperty,
  },
  {
    name: 'port cleaning: only plain decimal 1-65535 passes',
    weight: 4,
    property: fc.property(hostilePort, (text) => {
      const cleaned = cleanPort(text);
      const valid = /^\d{1,5}$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 65535;
      if ((cleaned !== null) !== valid)
        throw new Error(`cleanPort(${JSON.stringify(text)}) = ${cleaned}`);
    }) as unknown as AnyProperty,
  },
  {
    name: 'SRV ordering: a permutation without "." targets, priorities ascending',
    weight: 4,
    property: fc.property(
      fc.array(
        fc.record({
          name: fc.oneof(hostname, fc.constant('.'), fc.constant('')),
          port: fc.integer({ min: 0, max: 70000 }),
          priority: fc.oneof(
            fc.integer({ min: 0, max: 65535 }),
            fc.constant(Number.MAX_SAFE_INTEGER),
          ),
          weight: fc.oneof(fc.integer({ min: 0, max: 65535 }), fc.constant(0)),
        }),
        { maxLength: 120 },
      ),
      fc.double({ min: 0, max: 0.9999999, noNaN: true }),
      (records, random) => {
        const ordered = orderSrvRecords(records, () => random);
        const offered = records.filter((r) => r.name !== '.' && r.name !== '');
        if (ordered.length !== offered.length) throw new Error('records lost or invented');
        for (let i = 1; i < ordered.length; i++) {
          if (ordered[i]!.priority < ordered[i - 1]!.priority) throw new Error('priority order');
        }
      },
    ) as unknown as AnyProperty,
  },
  {
    name: 'protocol line parsers: never throw, keep capabilities bounded',
    weight: 20,
    property: fc.property(lines, (input) => {
      for (const line of input) {
        recogniseGreeting(line);
        parseImapGreeting(line);
        parseStatus(line);
      }
      checkCapabilities(parseImapCapability(input));
      checkCapabilities(parseEhlo(input));
      checkCapabilities(parsePop3Capa(input));
      parseSmtpReply(input);
      parseCapabilities(input);
    }) as unknown as AnyProperty,
  },
  {
    name: 'connection line reader: same lines whatever the chunking, caps enforced',
    weight: 6,
    property: fc.asyncProperty(
      fc.array(
        fc.oneof(
          fc.uint8Array({ maxLength: 40 }),
          fc.constantFrom('\r\n', '\n', '\r', 'a'.repeat(70)).map((t) => Buffer.from(t)),
          protocolLine.map((line) => Buffer.from(`${line}\r\n`, 'latin1')),
        ),
        { maxLength: 30 },
      ),
      fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 10 }),
      async (pieces, cuts) => {
        const data = Buffer.concat(pieces.map((piece) => Buffer.from(piece)));
        const chunks: Buffer[] = [];
        for (let at = 0, i = 0; at < data.length; i++) {
          const size = cuts[i % cuts.length]!;
          chunks.push(data.subarray(at, at + size));
          at += size;
        }
        const got = await readThroughConnection(chunks);
        const want = expectedLines(data);
        if (want.end === 'too-much-data') {
          // The byte cap may strike before or after some complete lines were read.
          if (!['too-much-data', 'line-too-long'].includes(got.end)) throw new Error(got.end);
          return;
        }
        same(got, want, 'lines');
      },
    ) as unknown as AnyProperty,
  },
  {
    name: 'exporter Thunderbird autoconfig: parses back (engine parser) to the same servers',
    weight: 6,
    property: fc.property(settingsArbitrary, (settings) => {
      const file = thunderbirdAutoconfig(settings).files[0]!;
      const outcome = parseAutoconfig(file.content, parsed(settings.address), PROVENANCE);
      if (!outcome.ok) throw new Error(`not readable: ${outcome.error} ${outcome.detail ?? ''}`);
      same(
        core(outcome.value.incoming[0]),
        expectedUser(settings.incoming, settings.address),
        'incoming',
      );
      same(
        core(outcome.value.outgoing[0]),
        expectedUser(settings.outgoing, settings.address),
        'outgoing',
      );
    }) as unknown as AnyProperty,
  },
  {
    name: 'exporter Outlook Autodiscover: parses back (engine parser) to the same servers',
    weight: 6,
    property: fc.property(settingsArbitrary, (settings) => {
      const file = outlookAutodiscover(settings).files[0]!;
      const outcome = parseAutodiscover(file.content, parsed(settings.address), PROVENANCE);
      if (!outcome.ok || outcome.value.kind !== 'settings') throw new Error('not readable');
      same(core(outcome.value.found.incoming[0]), settings.incoming, 'incoming');
      same(core(outcome.value.found.outgoing[0]), settings.outgoing, 'outgoing');
    }) as unknown as AnyProperty,
  },
  {
    name: 'exporter Thunderbird user.js: every pref reads back to the same values',
    weight: 6,
    property: fc.property(settingsArbitrary, (settings) => {
      const prefs = readUserJs(thunderbirdUserJs(settings).files[0]!.content);
      const socket = { tls: 3, starttls: 2, plain: 0 };
      same(
        ['hostname', 'port', 'socketType', 'userName', 'type'].map((k) =>
          prefs.get(`mail.server.server1.${k}`),
        ),
        [
          settings.incoming.host,
          settings.incoming.port,
          socket[settings.incoming.security],
          settings.incoming.username,
          settings.incoming.protocol,
        ],
        'incoming',
      );
      same(
        ['hostname', 'port', 'try_ssl', 'username'].map((k) =>
          prefs.get(`mail.smtpserver.smtp1.${k}`),
        ),
        [
          settings.outgoing.host,
          settings.outgoing.port,
          socket[settings.outgoing.security],
          settings.outgoing.username,
        ],
        'outgoing',
      );
      same(prefs.get('mail.identity.id1.fullName'), settings.displayName ?? '', 'display name');
    }) as unknown as AnyProperty,
  },
  {
    name: 'exporter Outlook PRF: an INI reader gets the same servers and names',
    weight: 6,
    property: fc.property(settingsArbitrary, (settings) => {
      const account = readPrfSection(outlookPrf(settings).files[0]!.content, 'Account1');
      const windows = (value: string | undefined): string | undefined =>
        value && value.length > 1 && value.startsWith('"') && value.endsWith('"')
          ? value.slice(1, -1)
          : value;
      const p = settings.incoming.protocol === 'imap' ? 'IMAP' : 'POP3';
      // A value Windows-1252 cannot hold is left out of the file, never written garbled.
      const kept = (value: string): string | undefined =>
        fitsWindows1252(prfValue(value)) ? value : undefined;
      same(
        [
          windows(account[`${p}Server`]),
          Number(account[`${p}Port`]),
          windows(account[`${p}UserName`]),
          windows(account.SMTPServer),
          Number(account.SMTPPort),
        ],
        [
          kept(settings.incoming.host),
          settings.incoming.port,
          kept(settings.incoming.username),
          kept(settings.outgoing.host),
          settings.outgoing.port,
        ],
        'servers',
      );
      same(windows(account.DisplayName), kept(settings.displayName ?? ''), 'display name');
      const smtpUser = windows(account.SMTPUserName);
      if (smtpUser !== undefined && smtpUser !== settings.outgoing.username)
        throw new Error(`SMTP user ${smtpUser}`);
    }) as unknown as AnyProperty,
  },
  {
    name: 'exporter Apple mobileconfig: a plist parser gets the same servers, no password unless asked',
    weight: 6,
    property: fc.property(settingsArbitrary, fc.boolean(), (settings, withPassword) => {
      const password = 'Fuzz-Pa55word';
      const part = appleMobileconfig(
        { ...settings, password },
        {
          alternatives: [],
          includePassword: withPassword,
          t: (key) => key,
          randomUUID: () => '00000000-0000-4000-8000-000000000000',
        },
      );
      const content = part.files[0]!.content;
      const profile = parsePlist(content) as { PayloadContent: Array<Record<string, unknown>> };
      const mail = profile.PayloadContent[0]!;
      same(
        [
          mail.IncomingMailServerHostName,
          mail.IncomingMailServerPortNumber,
          mail.IncomingMailServerUsername,
          mail.OutgoingMailServerHostName,
          mail.OutgoingMailServerPortNumber,
          mail.OutgoingMailServerUsername,
        ],
        [
          settings.incoming.host,
          settings.incoming.port,
          settings.incoming.username,
          settings.outgoing.host,
          settings.outgoing.port,
          settings.outgoing.username,
        ],
        'servers',
      );
      if (content.includes(password) !== withPassword) throw new Error('password presence');
    }) as unknown as AnyProperty,
  },
  {
    name: 'exporter ticket report: JSON reads back to the same settings, never a password',
    weight: 4,
    property: fc.property(settingsArbitrary, (settings) => {
      const password = 'Fuzz-Report-Pa55';
      const part = ticketReport({ ...settings, password }, { t: (key) => key, notes: [] });
      for (const file of part.files) {
        if (file.content.includes(password)) throw new Error(`password in ${file.filename}`);
      }
      const json = part.files.find((file) => file.filename.endsWith('.json'));
      if (!json) throw new Error('no JSON report');
      const report = JSON.parse(json.content) as { settings?: AccountSettings };
      const back = report.settings;
      same(core(back?.incoming), settings.incoming, 'incoming');
      same(core(back?.outgoing), settings.outgoing, 'outgoing');
    }) as unknown as AnyProperty,
  },
];

/** Autoconfig writes the address (or its local part) as a placeholder that comes back expanded. */
/**
 * What the domain-wide autoconfig file gives back for an endpoint: its username's placeholder
 * form filled in for this address; a username that follows no form becomes the full address
 * (the file never carries one person's literal name).
 */
function expectedUser(endpoint: Endpoint, mail: string): Endpoint {
  const parts = parsed(mail);
  const placeholder = usernamePlaceholder(endpoint.username, mail);
  if (placeholder === '%EMAILLOCALPART%') return endpoint;
  return { ...endpoint, username: substitutePlaceholders(placeholder ?? '%EMAILADDRESS%', parts) };
}

/**
 * One section of a PRF as Windows' profile-string reader sees it: `key=value` split at the first
 * `=`, white space trimmed, no escapes (the outer quotes are stripped by the caller).
 */
function readPrfSection(text: string, section: string): Record<string, string> {
  const values: Record<string, string> = {};
  let current = '';
  for (const line of text.split(/\r?\n/)) {
    const header = /^\[(.*)\]$/.exec(line.trim());
    if (header) current = header[1] ?? '';
    else if (current === section && !line.startsWith(';') && line.includes('=')) {
      const at = line.indexOf('=');
      values[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return values;
}

/** A user.js reader: `user_pref("name", value);` lines, values as JSON literals. */
function readUserJs(text: string): Map<string, unknown> {
  const prefs = new Map<string, unknown>();
  const pattern = /^user_pref\(("(?:[^"\\]|\\.)*"),\s*("(?:[^"\\]|\\.)*"|-?\d+|true|false)\);$/;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('//')) continue;
    const match = pattern.exec(line);
    if (!match) throw new Error(`unreadable user.js line: ${line}`);
    prefs.set(JSON.parse(match[1]!) as string, JSON.parse(match[2]!) as unknown);
  }
  return prefs;
}

/** Runs every property with its share of `total` cases; returns the cases run and the failures. */
export async function runProperties(
  total: number,
  seed: number,
  log: (line: string) => void = () => {},
): Promise<{ cases: number; failures: string[] }> {
  const weights = PROPERTIES.reduce((sum, p) => sum + p.weight, 0);
  let cases = 0;
  const failures: string[] = [];
  for (const { name, weight, property } of PROPERTIES) {
    const numRuns = Math.max(1, Math.round((total * weight) / weights));
    const started = performance.now();
    const details = await fc.check(property, { numRuns, seed });
    cases += details.numRuns;
    const ms = Math.round(performance.now() - started);
    if (details.failed) {
      failures.push(`${name}: ${fc.defaultReportMessage(details) ?? 'failed'}`);
      log(`FAIL ${name} (${details.numRuns} cases, ${ms} ms)`);
    } else {
      log(`ok   ${name} (${details.numRuns} cases, ${ms} ms)`);
    }
  }
  return { cases, failures };
}
