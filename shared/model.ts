/**
 * The data model every part of Mail Setup Wizard speaks: the engine produces these values, the CLI
 * prints them as JSON, the IPC contract carries them, the renderer shows them and the exporters
 * turn them into client profiles. Plain data only (JSON-serialisable), no classes.
 */

/** Mail protocols the wizard sets up. */
export type Protocol = 'imap' | 'pop3' | 'smtp';

/**
 * How a connection is secured. `tls` = implicit TLS (993/995/465), `starttls` = upgrade on a
 * plain port (143/110/587/25), `plain` = no encryption at all.
 */
export type Security = 'tls' | 'starttls' | 'plain';

export type Severity = 'error' | 'warning' | 'info';

/** Where a candidate endpoint came from (CLI JSON `source`). */
export type SourceName =
  | 'provider'
  | 'autoconfig'
  | 'autoconfig-http'
  | 'ispdb'
  | 'srv'
  | 'mx'
  | 'autodiscover'
  | 'guess'
  | 'manual';

/** Default ports and what is expected on them. */
export const STANDARD_PORTS: ReadonlyArray<{
  port: number;
  protocol: Protocol;
  security: Security;
}> = [
  { port: 993, protocol: 'imap', security: 'tls' },
  { port: 995, protocol: 'pop3', security: 'tls' },
  { port: 465, protocol: 'smtp', security: 'tls' },
  { port: 143, protocol: 'imap', security: 'starttls' },
  { port: 110, protocol: 'pop3', security: 'starttls' },
  { port: 587, protocol: 'smtp', security: 'starttls' },
  { port: 25, protocol: 'smtp', security: 'starttls' },
];

/** The outcome of probing one port. */
export const PORT_STATUSES = [
  'ok',
  'refused',
  'timeout',
  'unreachable',
  'tls-error',
  'protocol-error',
  'closed',
] as const;
export type PortStatus = (typeof PORT_STATUSES)[number];

export interface CertificateFacts {
  subject: string;
  issuer: string;
  validFrom: string; // ISO 8601
  validTo: string; // ISO 8601
  altNames: string[];
  sha256: string; // colon-separated upper-case hex, as Node prints it
  selfSigned: boolean;
}

export interface TlsFacts {
  version: string | null; // e.g. 'TLSv1.3'
  cipher: string | null;
  trusted: boolean; // chain validates against system CAs plus any extra CA given
  hostnameMatch: boolean;
  /** Node's verification error code when not trusted, e.g. 'CERT_HAS_EXPIRED'. */
  error?: string;
  certificate: CertificateFacts | null;
}

export interface PortTiming {
  connectMs?: number;
  tlsMs?: number;
  greetingMs?: number;
  capabilitiesMs?: number;
  starttlsMs?: number;
}

export interface PortResult {
  port: number;
  protocol: Protocol;
  /** How the port was actually reached: implicit TLS, STARTTLS after a successful upgrade, or plain. */
  security: Security;
  status: PortStatus;
  /** First line of the server greeting (bounded), if any. */
  greeting?: string;
  tls: TlsFacts | null;
  /** Capabilities as read last (after STARTTLS when the upgrade succeeded). */
  capabilities: string[];
  /** SASL mechanisms offered on the connection as used (over TLS when TLS was available). */
  auth: string[];
  /** Whether STARTTLS/STLS was offered on the plain connection. */
  starttlsOffered?: boolean;
  /** Whether a password login is offered before any TLS (plain connection). */
  authBeforeTls?: boolean;
  /** IMAP LOGINDISABLED seen before TLS. */
  loginDisabledBeforeTls?: boolean;
  /** Short machine detail when status is not ok (e.g. 'ECONNREFUSED', 'tls-on-plain-port'). */
  error?: string;
  ms: number;
  timing?: PortTiming;
}

export interface Finding {
  severity: Severity;
  code: string; // stable, kebab-case; see shared/codes.ts
  port?: number;
  host?: string;
  protocol?: Protocol;
  /** Human sentence in the requested language (filled in by the caller from the catalogues). */
  message?: string;
  /** Values for the sentence (e.g. { days: 3 }). */
  params?: Record<string, string | number>;
}

export interface ProbeReport {
  host: string;
  addresses: string[];
  ports: PortResult[];
  findings: Finding[];
  ms: number;
}

/**
 * How a mail program logs in on a server: a password sent as is inside TLS
 * (`password-cleartext`, autoconfig's word), a password in a challenge-response
 * (`password-encrypted`: CRAM-MD5 and the like), or `oauth2`: the provider's own sign-in page,
 * opened by the mail program; no password goes to the server and none can be tested here.
 */
export const AUTH_METHODS = ['password-cleartext', 'password-encrypted', 'oauth2'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

/** One server setting as a mail client needs it. */
export interface Endpoint {
  protocol: Protocol;
  host: string;
  port: number;
  security: Security;
  username: string;
  /** How the mail program logs in; absent = `password-cleartext` (the usual password login). */
  authMethod?: AuthMethod;
}

/**
 * Network levels for the private-network rule, most public first (electron/engine/net/network-level.ts).
 */
export type NetworkLevel = 'public' | 'private' | 'link-local' | 'loopback';

/** An endpoint found by discovery, with provenance. */
export interface Candidate extends Endpoint {
  auth: string[];
  source: SourceName;
  /** The URL or DNS record it came from. */
  origin?: string;
  /** Trusted = came over https / from the same domain / built-in knowledge. */
  trusted: boolean;
  /**
   * The network level of the source that named this host (a web server's or DNS server's
   * address); absent for built-in knowledge and names that follow from the typed address. Probes
   * never go from here to a more private network.
   */
  network?: NetworkLevel;
  /**
   * The hoster (its registrable domain, e.g. `hoster.example`) whose data or host names led to an
   * untrusted candidate through the domain's MX record. One consent to that hoster covers every
   * candidate naming it (see `HostedBy`).
   */
  hoster?: string;
}

/**
 * Who handles mail for the address's domain, as its MX record says ("Mail for annas-shop.example
 * is handled by Runbox"). Known provider: `provider` is set and the settings from built-in
 * knowledge are trusted (the provider's own hosts; TLS with a valid certificate still required).
 * Unknown hoster: no `provider`, settings untrusted until the person confirms, once, that
 * `domain` is their email provider or hosting company; that one consent covers every candidate
 * whose `hoster` is `domain`.
 */
export interface HostedBy {
  /** Built-in provider id, when the MX host is a known provider's. */
  provider?: string;
  /** The hoster's registrable domain (the consent names it). */
  domain: string;
  /** The record that says so: `<domain> MX <mx host>`. */
  via: string;
  trusted: boolean;
}

/**
 * A switch the person has to flip at the provider before a mail program can log in (autoconfig
 * `<enable visiturl>`): e.g. "allow IMAP access in the web settings". The words are the
 * catalogue's (guide `enable-imap`); the document's own instruction is kept for the report only.
 */
export interface EnableStep {
  /** The page where it is done, as the document gave it (http or https). */
  url: string;
  /** The document's instruction (English if it has one, else the first), bounded; untrusted text. */
  instruction?: string;
}

export interface SourceReport {
  source: SourceName;
  url: string;
  outcome: 'found' | 'none' | 'error';
  trusted: boolean;
  ms: number;
  error?: string;
  /** Where the requests actually went, when they were redirected or refused: `URL (address)`. */
  hops?: string[];
}

/** Settings a client profile is made from (the `recommended` part of `check --json`, or typed). */
export interface AccountSettings {
  address: string;
  displayName?: string;
  incoming: Endpoint;
  outgoing: Endpoint;
  /** Only when the person explicitly asks for it to be included in a profile. */
  password?: string;
}
