/**
 * Domain health, as data: which records a domain publishes for its mail (MX, SPF, DKIM, DMARC,
 * MTA-STS, TLS-RPT) and what is wrong with them. The engine (electron/engine/health/) produces a
 * `HealthReport`; the CLI prints it, the IPC contract carries it, the helpdesk view and the ticket
 * report show it. Each finding has a stable code from `HEALTH_CODES`, whose sentences live in the
 * `health` i18n namespace: `health:findings.<code>.title` says what is wrong,
 * `health:findings.<code>.fix` what to do.
 */
import type { Finding, ProbeReport } from './model.ts';

/** The parts of a domain's mail setup that are checked, in the order they are shown. */
export const HEALTH_CHECKS = [
  'mx',
  'spf',
  'dkim',
  'dmarc',
  'mta-sts',
  'tls-rpt',
  'certificates',
] as const;
export type HealthCheck = (typeof HEALTH_CHECKS)[number];

/** Finding codes of the health checks (namespace `health`). */
export const HEALTH_CODES = [
  // MX
  'mx-missing',
  'mx-null',
  'mx-lookup-failed',
  'mx-unresolvable',
  'mx-unreachable',
  'mx-no-starttls',
  'mx-cert-invalid',
  'mx-not-provider',
  // SPF (RFC 7208)
  'spf-missing',
  'spf-multiple',
  'spf-syntax',
  'spf-too-many-lookups',
  'spf-include-missing',
  'spf-all-pass',
  'spf-all-neutral',
  'spf-no-all',
  'spf-provider-include-missing',
  'spf-lookup-failed',
  // DKIM (RFC 6376, RFC 8463)
  'dkim-missing',
  'dkim-provider-key-missing',
  'dkim-key-mismatch',
  'dkim-key-invalid',
  'dkim-key-revoked',
  'dkim-rsa-weak',
  'dkim-rsa-short',
  'dkim-testing',
  // DMARC (RFC 7489)
  'dmarc-missing',
  'dmarc-multiple',
  'dmarc-syntax',
  'dmarc-bad-policy',
  'dmarc-policy-none',
  'dmarc-partial',
  'dmarc-no-rua',
  'dmarc-alignment-dkim',
  'dmarc-lookup-failed',
  // MTA-STS (RFC 8461)
  'mta-sts-missing',
  'mta-sts-syntax',
  'mta-sts-policy-unreachable',
  'mta-sts-policy-invalid',
  'mta-sts-testing',
  'mta-sts-mode-none',
  'mta-sts-mx-not-covered',
  // TLS-RPT (RFC 8460)
  'tls-rpt-missing',
  'tls-rpt-syntax',
  // Certificates of the servers probed
  'cert-expiring-soon',
  'cert-expired',
] as const;
export type HealthCode = (typeof HEALTH_CODES)[number];

/** A health finding: which check it belongs to, plus the record it is about (as found). */
export interface HealthFinding extends Finding {
  code: HealthCode;
  check: HealthCheck;
  /** The record's text as published (or the policy line), when the finding is about one. */
  record?: string;
}

/** One record as found in DNS (or the MTA-STS policy as fetched over HTTPS). */
export interface HealthRecord {
  check: HealthCheck;
  /** The full name asked, e.g. `mbo0001._domainkey.example.org`, or the policy URL. */
  name: string;
  type: 'MX' | 'TXT' | 'HTTPS';
  value: string;
}

/** A record the administrator should publish, name relative to the domain (`@` = the domain). */
export interface RecordToPublish {
  type: 'TXT' | 'CNAME' | 'MX';
  name: string;
  value: string;
}

export interface HealthReport {
  domain: string;
  /** The provider the MX (or the address domain) names, by id; null when unknown. */
  provider: string | null;
  /** The MX hosts, best first. */
  mx: string[];
  records: HealthRecord[];
  findings: HealthFinding[];
  /** The records the provider documents that are missing or differ (e.g. the PlentyONE assistant's). */
  toPublish: RecordToPublish[];
  /** Port-25 probes of the MX hosts. */
  probes: ProbeReport[];
  /** DNS queries this check asked. */
  dnsQueries: number;
  ms: number;
}

/** A certificate this many days or fewer from its end is "expiring soon". */
export const CERT_EXPIRY_WARNING_DAYS = 14;
