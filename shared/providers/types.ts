/**
 * The shape of built-in provider knowledge: which servers a mail provider runs, which username
 * form it expects, and what a person has to do before a mail program can log in (app password,
 * switch IMAP on, ...). Pure data, browser-safe: the engine, the CLI and the renderer all read it.
 */
import type { AuthMethod, Protocol, Security } from '../model.ts';

/** One server as a provider documents it; `username` may contain autoconfig placeholders. */
export interface ServerTemplate {
  protocol: Protocol;
  host: string;
  port: number;
  security: Security;
  /** Template with %EMAILADDRESS% / %EMAILLOCALPART% / %EMAILDOMAIN%. */
  username: string;
  /**
   * Login methods the server takes, preferred first (autoconfig's words); absent = a password.
   * `['oauth2']` alone: OAuth2 only, the server is never offered for a password login.
   */
  auth?: AuthMethod[];
}

/**
 * What kind of help a guide gives. Codes are stable (the UI may pick an icon per code); the words
 * live in the `providers` i18n namespace.
 */
export type GuideCode =
  | 'no-imap'
  | 'oauth-only'
  | 'oauth2-sign-in'
  | 'enable-imap'
  | 'username-form'
  | 'mailbox-password'
  | 'app-password'
  | 'bridge'
  | 'sender-rule'
  | 'smtp-ports'
  | 'dns-records'
  | 'service-note';

/** A DNS record an administrator has to publish (e.g. the DKIM key of a hosted domain). */
export interface DnsRecord {
  type: 'TXT' | 'CNAME' | 'MX';
  /** Name relative to the domain (e.g. `mbo0001._domainkey`), `@` for the domain itself. */
  name: string;
  value: string;
}

/**
 * What a provider documents for a domain whose mail it hosts: the SPF include that allows its
 * servers, the DKIM selectors it signs with, and (where it publishes them verbatim) the key
 * records. One source for the DNS guide a person reads and the domain health checks.
 */
export interface ProviderDns {
  /** Domain named by the SPF `include:` the provider requires, e.g. `mailbox.org`. */
  spfInclude?: string;
  /** Selectors the provider signs with (`<selector>._domainkey.<domain>`). */
  dkimSelectors: string[];
  /** The DKIM TXT record per selector, when the provider documents the exact value. */
  dkimRecords?: Record<string, string>;
}

/** One guide as the catalogue stores it: i18n keys plus an official link. */
export interface GuideSpec {
  code: GuideCode;
  titleKey: string;
  stepKeys: string[];
  /** Official page for this guide (https only). */
  url?: string;
  /** The same page in another language, where the provider has one (e.g. `{ de: ... }`). */
  localUrls?: { de?: string };
  /** DNS records the guide asks an administrator to publish. */
  records?: DnsRecord[];
}

export interface Provider {
  /** Stable id: 'mailbox-org', 'runbox', 'onoffice', 'gmail', ... */
  id: string;
  /** Brand name, not translated. */
  name: string;
  /** Exact address domains (lower-case ASCII). */
  domains: string[];
  /**
   * Domains whose subdomains are addresses of this provider (e.g. `onmicrosoft.com` for
   * `contoso.onmicrosoft.com`). Matched on a label boundary.
   */
  domainSuffixes?: string[];
  /** MX host suffixes that identify a hosted custom domain, e.g. 'mailbox.org'. */
  mxPatterns: string[];
  /** Best first (IMAP before POP3). */
  incoming: ServerTemplate[];
  /** Best first. */
  outgoing: ServerTemplate[];
  /**
   * Extra username templates allowed to try, in order, after the configured one (for addresses
   * at the provider's own domains).
   */
  usernameVariants?: string[];
  /**
   * Extra username templates for addresses at a custom domain hosted by the provider (e.g. Runbox
   * own domains: '%EMAILLOCALPART%%%EMAILDOMAIN%', meaning `local%domain`). Defaults to
   * `usernameVariants`.
   */
  customDomainUsernameVariants?: string[];
  /**
   * The username template for addresses at a custom domain, when it differs from the servers'
   * one (Runbox: `%EMAILLOCALPART%%%EMAILDOMAIN%`, tried first; the servers' template follows).
   */
  customDomainUsername?: string;
  auth: {
    appPassword: 'required' | 'with-2fa' | 'optional' | 'none';
    oauthOnly?: boolean;
    servicesMustBeEnabled?: Protocol[];
    webLoginUrl?: string;
  };
  /** Official setup help page (https only). */
  helpUrl?: string;
  /** Official page where app passwords are created / explained (https only). */
  appPasswordUrl?: string;
  /** E.g. Tuta: no IMAP/POP/SMTP at all. */
  noImap?: boolean;
  /**
   * Id of the provider whose servers this one uses (PlentyONE-managed domains are hosted by
   * mailbox.org). Such entries are never the first answer of an MX lookup.
   */
  hostedBy?: string;
  /** DNS facts for hosted domains (SPF include, DKIM selectors and keys). */
  dns?: ProviderDns;
  /** i18n keys in the 'providers' namespace: short sentences a person should read first. */
  notes: string[];
  /** The guides, in their natural order (guidanceFor reorders them for a failure reason). */
  guides: GuideSpec[];
}
