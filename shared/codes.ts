/**
 * Stable machine-readable codes. The engine speaks only these; human sentences live in the i18n
 * catalogues under the same keys (e.g. `findings:cert-expired`). Add a code here and its sentence
 * in every catalogue together: a unit test checks that no code is without words.
 */

/** Probe findings (namespace `findings`). */
export const FINDING_CODES = [
  'plaintext-only',
  'starttls-missing',
  'starttls-failed',
  'cert-expired',
  'cert-expiring-soon',
  'cert-not-yet-valid',
  'cert-hostname-mismatch',
  'cert-untrusted',
  'cert-self-signed',
  'tls-outdated',
  'port-timeout',
  'port-refused',
  'port-unreachable',
  'port-closed',
  'protocol-error',
  'tls-on-plain-port',
  'plaintext-on-tls-port',
  'wrong-protocol',
  'auth-before-tls',
  'no-auth-offered',
  'host-unresolved',
  'recommended-plaintext',
  'recommended-invalid-cert',
  'untrusted-source',
  'no-imap-offered',
  'private-network-refused',
  /** A port accepted the TCP connection but never sent its greeting (or TLS handshake). */
  'no-greeting',
  /** Info: mail for the domain is handled by a known provider (its MX), settings trusted. */
  'hosted-by',
  /** Warning: mail is handled by a hoster we do not know; one consent names it. */
  'hoster-unconfirmed',
  /** Info: the recommended server signs in through the mail program (OAuth2), no password. */
  'recommended-oauth2',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** Login verification outcomes (namespace `verify`). */
export const VERIFY_REASONS = [
  'wrong-credentials',
  'app-password-required',
  'web-login-required',
  'service-disabled',
  'username-format',
  'account-locked',
  'too-many-connections',
  'auth-mechanism-unsupported',
  'insecure-refused',
  'untrusted-refused',
  'tls-error',
  'cert-invalid',
  'timeout',
  /** Connected, then the server sent nothing in time: the server (or a firewall) is stuck. */
  'server-silent',
  'unreachable',
  'sender-rejected',
  'oauth-only',
  'protocol-error',
  'unknown',
] as const;
export type VerifyReason = (typeof VERIFY_REASONS)[number];

/** Why an email address was rejected (namespace `address`). */
export const ADDRESS_ERRORS = [
  'empty',
  'missing-at',
  'multiple-at',
  'empty-local-part',
  'empty-domain',
  'contains-space',
  'looks-like-url',
  'invalid-local-part',
  'invalid-domain',
  'too-long',
] as const;
export type AddressError = (typeof ADDRESS_ERRORS)[number];

/** Why a discovery source failed (namespace `discovery`). */
export const SOURCE_ERRORS = [
  'private-network',
  'insecure-redirect',
  'xml-too-complex',
  'timeout',
  'network',
  'http-status',
  'too-large',
  'bad-content-type',
  'xml-doctype',
  'xml-invalid',
  'no-usable-settings',
  'too-many-redirects',
  'dns-error',
] as const;
export type SourceError = (typeof SOURCE_ERRORS)[number];

// ---------- named groups: the rules that read these codes ----------

/** Certificate findings: the password would go to a server whose certificate cannot be verified. */
export const CERTIFICATE_FINDINGS: ReadonlySet<string> = new Set<FindingCode>([
  'cert-expired',
  'cert-not-yet-valid',
  'cert-hostname-mismatch',
  'cert-untrusted',
  'cert-self-signed',
]);

/**
 * Refusals of the login itself, where the password or the account's settings at the provider are
 * what to look at (and where generic guidance helps even without provider knowledge).
 */
export const LOGIN_REFUSALS: ReadonlySet<VerifyReason> = new Set<VerifyReason>([
  'wrong-credentials',
  'app-password-required',
  'username-format',
  'service-disabled',
  'web-login-required',
]);

/** Reasons about the network or TLS: the server's words cannot change them. */
export const TRANSPORT_REASONS: ReadonlySet<VerifyReason> = new Set<VerifyReason>([
  'timeout',
  'server-silent',
  'unreachable',
  'tls-error',
  'cert-invalid',
  'insecure-refused',
  'untrusted-refused',
]);

/** Failures before or around the login, not a refusal of it: transport, or a server that does
 * not speak its protocol. */
export const BEFORE_LOGIN_REASONS: ReadonlySet<VerifyReason> = new Set<VerifyReason>([
  ...TRANSPORT_REASONS,
  'protocol-error',
]);

/** Refusals that concern the account, not one server: SMTP usually just says "535" then. */
export const ACCOUNT_REASONS: ReadonlySet<VerifyReason> = new Set<VerifyReason>([
  'app-password-required',
  'oauth-only',
  'account-locked',
  'web-login-required',
]);

/** Reasons that say no more than "wrong user name or password": a more specific one is preferred. */
export const VAGUE_REASONS: ReadonlySet<VerifyReason> = new Set<VerifyReason>([
  'wrong-credentials',
  'username-format',
  'unknown',
]);

/** Login failures a per-host consent can lift (the engine refused plaintext or the certificate). */
export const CONSENT_LIFTS: ReadonlySet<VerifyReason> = new Set<VerifyReason>([
  'insecure-refused',
  'cert-invalid',
]);
