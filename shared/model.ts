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

/** One server setting as a mail client needs it. */
export interface Endpoint {
  protocol: Protocol;
  host: string;
  port: number;
  security: Security;
  username: string;
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
