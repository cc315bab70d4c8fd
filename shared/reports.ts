/**
 * The engine's reports and progress events, in the one place both processes see: the engine
 * produces these values, the IPC contract types `check:run`, `verify:run`, `probe:run` and the
 * operation events with them, the renderer and the exporters read them, the CLI prints them as
 * JSON. Each type has its zod schema next to it; the renderer validates what crosses the IPC
 * boundary once, with these schemas (`renderer/src/store/checked-api.ts`), and trusts the types after.
 *
 * The building blocks (endpoint, candidate, probe report, finding) are the data model of
 * `model.ts`; the schemas here are checked against those types at compile time, both ways.
 */
import { z } from 'zod/mini';
import { FINDING_CODES, VERIFY_REASONS, type VerifyReason } from './codes.ts';
import type {
  Candidate,
  CertificateFacts,
  EnableStep,
  Finding,
  HostedBy,
  PortResult,
  ProbeReport,
  Protocol,
  SourceName,
  SourceReport,
  TlsFacts,
} from './model.ts';
import { AUTH_METHODS, PORT_STATUSES } from './model.ts';
import { HEALTH_CHECKS, HEALTH_CODES, type HealthReport } from './health.ts';
import type { Guidance } from './providers/guidance.ts';
import type { DnsRecord } from './providers/types.ts';

// ---------- discovery ----------

/** What discovery found for an address: every source's outcome and the merged candidates. */
export interface DiscoveryResult {
  address: string;
  domain: string;
  sources: SourceReport[];
  incoming: Candidate[];
  outgoing: Candidate[];
  /** Provider id, when built-in knowledge knows the domain or its MX. */
  provider?: string;
  /**
   * Who handles mail for the domain, when its MX points at another domain: a known provider
   * (trusted settings) or an unknown hoster (one consent naming `hostedBy.domain`).
   */
  hostedBy?: HostedBy;
  /** Switches to flip at the provider before a mail program can log in (autoconfig `<enable>`). */
  enable?: EnableStep[];
}

export type DiscoverEvent =
  | { type: 'source-start'; source: SourceName; url: string }
  | { type: 'source-done'; report: SourceReport }
  | { type: 'done'; result: DiscoveryResult };

// ---------- probe ----------

export type ProbeEvent =
  | { type: 'resolved'; host: string; addresses: string[] }
  | { type: 'port-start'; port: number; protocol: Protocol }
  | { type: 'port'; result: PortResult }
  | { type: 'done'; report: ProbeReport };

/** A probe event tagged with the host it is about (check probes several hosts at once). */
export type HostProbeEvent = ProbeEvent & { host: string };

// ---------- check ----------

export interface Recommendation {
  /** `authMethod: 'oauth2'` = the mail program signs in on the provider's page (no password). */
  incoming: Candidate | null;
  outgoing: Candidate | null;
  /**
   * The username to use. After a login test it is the one the server accepted (incoming, else
   * outgoing), and `incoming.username` / `outgoing.username` are the ones each server accepted.
   */
  username: string | null;
  /** Set after a login test: the username each server accepted (only the ones that worked). */
  proven?: { incoming?: string; outgoing?: string };
}

/** What `check` (and `check:run`) answers: discovery, the probes, the ranking and the findings. */
export interface CheckReport extends DiscoveryResult {
  probes: ProbeReport[];
  findings: Finding[];
  recommended: Recommendation;
  /** Domain health, when asked for (`check --health`, the helpdesk view). */
  health?: HealthReport;
}

export type CheckEvent =
  DiscoverEvent | HostProbeEvent | { type: 'check-done'; report: CheckReport };

/** The progress of a long operation as main forwards it (the final report is the call's result). */
export type ProgressEvent = DiscoverEvent | HostProbeEvent;

// ---------- verify ----------

export type LoginResult =
  /**
   * `signIn: 'mail-program'`: an OAuth2-only server; no password was tried, the mail program
   * signs in on the provider's page (not a failure, nothing for the person to fix).
   */
  | { ok: true; username: string; ms: number; signIn?: 'mail-program' }
  | {
      ok: false;
      reason: VerifyReason;
      serverText?: string;
      username?: string;
      attempts: number;
      ms: number;
    };

export type SenderResult = { ok: true } | { ok: false; reason: VerifyReason; serverText?: string };

export interface VerificationReport {
  incoming: LoginResult;
  outgoing: LoginResult;
  sender?: SenderResult;
}

/** What `verify:run` answers: the engine's report plus the provider's guidance on a failure. */
export interface VerifyAnswer extends VerificationReport {
  guidance: Guidance[];
}

// ---------- schemas ----------

/** True only when A and B are the same type (each assignable to the other). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time proof that a schema describes its type exactly. */
function exact<T>() {
  return <S extends z.ZodMiniType>(
    schema: S,
    ..._proof: Same<z.infer<S>, T> extends true ? [] : [never]
  ) => schema as unknown as z.ZodMiniType<T>;
}

const protocol = z.enum(['imap', 'pop3', 'smtp']);
const security = z.enum(['tls', 'starttls', 'plain']);
const sourceName = z.enum([
  'provider',
  'autoconfig',
  'autoconfig-http',
  'ispdb',
  'srv',
  'mx',
  'autodiscover',
  'guess',
  'manual',
]);
const verifyReason = z.enum(VERIFY_REASONS);
// Finding codes are stable, but a finding from a newer engine must not make a report unreadable.
const findingCode = z.union([z.enum(FINDING_CODES), z.string()]);

const findingShape = {
  severity: z.enum(['error', 'warning', 'info']),
  code: findingCode,
  port: z.optional(z.number()),
  host: z.optional(z.string()),
  protocol: z.optional(protocol),
  message: z.optional(z.string()),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
};

export const findingSchema = exact<Finding>()(z.object(findingShape));

const certificateSchema = exact<CertificateFacts>()(
  z.object({
    subject: z.string(),
    issuer: z.string(),
    validFrom: z.string(),
    validTo: z.string(),
    altNames: z.array(z.string()),
    sha256: z.string(),
    selfSigned: z.boolean(),
  }),
);

const tlsSchema = exact<TlsFacts>()(
  z.object({
    version: z.nullable(z.string()),
    cipher: z.nullable(z.string()),
    trusted: z.boolean(),
    hostnameMatch: z.boolean(),
    error: z.optional(z.string()),
    certificate: z.nullable(certificateSchema),
  }),
);

export const portResultSchema = exact<PortResult>()(
  z.object({
    port: z.number(),
    protocol,
    security,
    status: z.enum(PORT_STATUSES),
    greeting: z.optional(z.string()),
    tls: z.nullable(tlsSchema),
    capabilities: z.array(z.string()),
    auth: z.array(z.string()),
    starttlsOffered: z.optional(z.boolean()),
    authBeforeTls: z.optional(z.boolean()),
    loginDisabledBeforeTls: z.optional(z.boolean()),
    error: z.optional(z.string()),
    ms: z.number(),
    timing: z.optional(
      z.object({
        connectMs: z.optional(z.number()),
        tlsMs: z.optional(z.number()),
        greetingMs: z.optional(z.number()),
        capabilitiesMs: z.optional(z.number()),
        starttlsMs: z.optional(z.number()),
      }),
    ),
  }),
);

export const probeReportSchema = exact<ProbeReport>()(
  z.object({
    host: z.string(),
    addresses: z.array(z.string()),
    ports: z.array(portResultSchema),
    findings: z.array(findingSchema),
    ms: z.number(),
  }),
);

const candidateSchema = exact<Candidate>()(
  z.object({
    protocol,
    host: z.string(),
    port: z.number(),
    security,
    username: z.string(),
    authMethod: z.optional(z.enum(AUTH_METHODS)),
    auth: z.array(z.string()),
    source: sourceName,
    origin: z.optional(z.string()),
    trusted: z.boolean(),
    hoster: z.optional(z.string()),
  }),
);

const hostedBySchema = exact<HostedBy>()(
  z.object({
    provider: z.optional(z.string()),
    domain: z.string(),
    via: z.string(),
    trusted: z.boolean(),
  }),
);

const enableStepSchema = exact<EnableStep>()(
  z.object({ url: z.string(), instruction: z.optional(z.string()) }),
);

const sourceReportSchema = exact<SourceReport>()(
  z.object({
    source: sourceName,
    url: z.string(),
    outcome: z.enum(['found', 'none', 'error']),
    trusted: z.boolean(),
    ms: z.number(),
    error: z.optional(z.string()),
  }),
);

const discoveryShape = {
  address: z.string(),
  domain: z.string(),
  sources: z.array(sourceReportSchema),
  incoming: z.array(candidateSchema),
  outgoing: z.array(candidateSchema),
  provider: z.optional(z.string()),
  hostedBy: z.optional(hostedBySchema),
  enable: z.optional(z.array(enableStepSchema)),
};

export const discoveryResultSchema = exact<DiscoveryResult>()(z.object(discoveryShape));

const healthCheck = z.enum(HEALTH_CHECKS);

export const healthReportSchema = exact<HealthReport>()(
  z.object({
    domain: z.string(),
    provider: z.nullable(z.string()),
    mx: z.array(z.string()),
    records: z.array(
      z.object({
        check: healthCheck,
        name: z.string(),
        type: z.enum(['MX', 'TXT', 'HTTPS']),
        value: z.string(),
      }),
    ),
    findings: z.array(
      z.object({
        ...findingShape,
        code: z.enum(HEALTH_CODES),
        check: healthCheck,
        record: z.optional(z.string()),
      }),
    ),
    toPublish: z.array(
      z.object({ type: z.enum(['TXT', 'CNAME', 'MX']), name: z.string(), value: z.string() }),
    ),
    probes: z.array(probeReportSchema),
    dnsQueries: z.number(),
    ms: z.number(),
  }),
);

export const checkReportSchema = exact<CheckReport>()(
  z.object({
    ...discoveryShape,
    probes: z.array(probeReportSchema),
    findings: z.array(findingSchema),
    recommended: z.object({
      incoming: z.nullable(candidateSchema),
      outgoing: z.nullable(candidateSchema),
      username: z.nullable(z.string()),
      proven: z.optional(
        z.object({ incoming: z.optional(z.string()), outgoing: z.optional(z.string()) }),
      ),
    }),
    health: z.optional(healthReportSchema),
  }),
);

export const progressEventSchema = exact<ProgressEvent>()(
  z.union([
    z.object({ type: z.literal('source-start'), source: sourceName, url: z.string() }),
    z.object({ type: z.literal('source-done'), report: sourceReportSchema }),
    z.object({ type: z.literal('done'), result: discoveryResultSchema }),
    z.object({
      type: z.literal('resolved'),
      host: z.string(),
      addresses: z.array(z.string()),
    }),
    z.object({ type: z.literal('port-start'), host: z.string(), port: z.number(), protocol }),
    z.object({ type: z.literal('port'), host: z.string(), result: portResultSchema }),
    z.object({ type: z.literal('done'), host: z.string(), report: probeReportSchema }),
  ]),
);

export const loginResultSchema = exact<LoginResult>()(
  z.union([
    z.object({
      ok: z.literal(true),
      username: z.string(),
      ms: z.number(),
      signIn: z.optional(z.literal('mail-program')),
    }),
    z.object({
      ok: z.literal(false),
      reason: verifyReason,
      serverText: z.optional(z.string()),
      username: z.optional(z.string()),
      attempts: z.number(),
      ms: z.number(),
    }),
  ]),
);

const senderResultSchema = exact<SenderResult>()(
  z.union([
    z.object({ ok: z.literal(true) }),
    z.object({ ok: z.literal(false), reason: verifyReason, serverText: z.optional(z.string()) }),
  ]),
);

const dnsRecordSchema = exact<DnsRecord>()(
  z.object({ type: z.enum(['TXT', 'CNAME', 'MX']), name: z.string(), value: z.string() }),
);

const guidanceSchema = exact<Guidance>()(
  z.object({
    code: z.string(),
    provider: z.string(),
    titleKey: z.string(),
    stepKeys: z.array(z.string()),
    url: z.optional(z.string()),
    params: z.record(z.string(), z.string()),
    records: z.optional(z.array(dnsRecordSchema)),
  }),
);

export const verifyAnswerSchema = exact<VerifyAnswer>()(
  z.object({
    incoming: loginResultSchema,
    outgoing: loginResultSchema,
    sender: z.optional(senderResultSchema),
    guidance: z.array(guidanceSchema),
  }),
);
