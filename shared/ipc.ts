/**
 * The IPC contract between the renderer and the main process: every channel, its request schema
 * and its response type. Main validates each request against the schema (and the sender frame);
 * the preload exposes exactly one method per channel (`window.mailSetup.<method>`); the renderer
 * only ever sees the `MailSetupApi` type. Responses are result values, never thrown errors.
 *
 * Long operations (check, probe, verify) take an `operationId` chosen by the renderer; their
 * progress arrives as `OperationEvent`s on the single event channel, and `cancelOperation` aborts
 * them.
 */
import { MAX_CONSENT_LENGTH, parseConsent } from './consent.ts';
import { hasUnsafeChars } from './control-chars.ts';
import { z } from 'zod';
import { FILE_USAGES, type FileUsage } from './export/usage.ts';
import type { AccountSettings, Endpoint, ProbeReport, Protocol, Security } from './model.ts';
import type { HealthReport } from './health.ts';
import type {
  AppleOpen,
  OutlookImport,
  ThunderbirdAddition,
  ThunderbirdProfiles,
} from './finish.ts';
import type { CheckReport, ProgressEvent, VerifyAnswer } from './reports.ts';
import type { METHODS } from './ipc-channels.ts';

// ---------- building blocks ----------

const MAX_TEXT = 2048;
const text = (max = MAX_TEXT) => z.string().max(max);
/**
 * Text that goes into a mail program's settings or a file: no control character or bidi override
 * (shared/control-chars.ts), whatever the renderer sends.
 */
const settingsText = (max: number) =>
  text(max).refine((value) => !hasUnsafeChars(value), 'control-characters');
const hostname = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.-]+$/, 'hostname');
/** A consent entry of `verify:run`, in one of the forms of shared/consent.ts. */
const insecureConsent = z
  .string()
  .min(1)
  .max(MAX_CONSENT_LENGTH)
  .refine((entry) => parseConsent(entry) !== null, 'consent');
const port = z.number().int().min(1).max(65535);
const operationId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const protocolSchema = z.enum(['imap', 'pop3', 'smtp']) satisfies z.ZodType<Protocol>;
export const securitySchema = z.enum(['tls', 'starttls', 'plain']) satisfies z.ZodType<Security>;

export const endpointSchema = z.object({
  protocol: protocolSchema,
  host: hostname,
  port,
  security: securitySchema,
  username: settingsText(320),
}) satisfies z.ZodType<Endpoint>;

export const accountSettingsSchema = z.object({
  address: text(320),
  displayName: settingsText(256).optional(),
  incoming: endpointSchema,
  outgoing: endpointSchema,
  password: text(1024).optional(),
}) satisfies z.ZodType<AccountSettings>;

/**
 * The settings a `finish:*` channel puts into a mail program: as proven by the login test. A
 * password is never part of it (zod drops the key): mail programs ask for it themselves.
 */
const finishSettingsSchema = accountSettingsSchema.omit({ password: true });
/** Other endpoints known to work (implicit-TLS fallbacks for formats without STARTTLS). */
const alternativesSchema = z.array(endpointSchema).max(16);

export const exportFormatSchema = z.enum(['thunderbird', 'outlook', 'apple', 'sheet', 'report']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const languageSchema = z.enum(['en', 'de']);
export type Language = z.infer<typeof languageSchema>;

/** A file produced by an exporter. */
export interface ExportFile {
  filename: string;
  mediaType: string;
  content: string;
  /** How the file is used (set by its exporter; shared/export/usage.ts). */
  usage?: FileUsage;
}
const exportFileSchema = z.object({
  filename: text(255)
    .regex(/^[^/\\:*?"<>|\0]+$/, 'filename')
    .refine((name) => name !== '.' && name !== '..', 'filename'),
  mediaType: text(128),
  content: z.string().max(5 * 1024 * 1024),
  usage: z.enum(FILE_USAGES).optional(),
});

// ---------- the channels ----------

/** Request schemas, by channel. Channel names are `area:verb`. */
export const requestSchemas = {
  'app:info': z.object({}),
  /** The person's language choice; `null` follows the operating system again. */
  'app:set-language': z.object({ language: languageSchema.nullable() }),
  'check:run': z.object({
    operationId,
    address: text(320),
    /** Helpdesk mode probes every candidate host fully. */
    helpdesk: z.boolean().optional(),
  }),
  /** Domain health (MX, SPF, DKIM, DMARC, MTA-STS, TLS-RPT) of an address's or a bare domain. */
  'health:run': z.object({
    operationId,
    target: text(320),
    dkimSelectors: z
      .array(
        z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,63}(\.[A-Za-z0-9_-]{1,63})*$/, 'selector')
          .max(200),
      )
      .max(8)
      .optional(),
    providerId: text(64).optional(),
  }),
  'probe:run': z.object({
    operationId,
    host: hostname,
    ports: z.array(port).max(32).optional(),
  }),
  'verify:run': z.object({
    operationId,
    address: text(320),
    incoming: endpointSchema,
    outgoing: endpointSchema,
    password: text(1024),
    /**
     * The person's explicit consents (shared/consent.ts): `host` (plaintext), `host#AB:CD:…` (a
     * certificate problem: only the certificate with this SHA-256), `source:domain` (settings
     * from an untrusted source).
     */
    allowInsecure: z.array(insecureConsent).max(8),
    providerId: text(64).optional(),
    from: text(320).optional(),
  }),
  'operation:cancel': z.object({ operationId }),
  'export:save': z.object({ files: z.array(exportFileSchema).min(1).max(16) }),
  'sheet:print': z.object({ html: z.string().max(2 * 1024 * 1024), filename: text(255) }),
  'secret:save': z.object({ account: text(320), password: text(1024) }),
  'secret:load': z.object({ account: text(320) }),
  'secret:delete': z.object({ account: text(320) }),
  'shell:open-help': z.object({ url: text(2048).url() }),
  'clipboard:write': z.object({ text: z.string().max(1024 * 1024) }),
  /** The Thunderbird profiles on this computer, default first. */
  'finish:thunderbird-profiles': z.object({}),
  /**
   * Adds the account to a Thunderbird profile (`profilePath` from `finish:thunderbird-profiles`;
   * the default profile when absent). Idempotent: the same account twice changes nothing.
   */
  'finish:thunderbird-add': z.object({
    settings: finishSettingsSchema,
    profilePath: text(4096).optional(),
  }),
  /** Classic Outlook for Windows: writes the PRF (made in main) and runs `outlook.exe /importprf`. */
  'finish:outlook-import': z.object({
    settings: finishSettingsSchema,
    alternatives: alternativesSchema.optional(),
    providerId: text(64).optional(),
  }),
  /** macOS: writes the .mobileconfig (made in main, no password) and opens it with the system. */
  'finish:apple-open': z.object({
    settings: finishSettingsSchema,
    alternatives: alternativesSchema.optional(),
  }),
} as const;

export type Channel = keyof typeof requestSchemas;
export type RequestOf<C extends Channel> = z.infer<(typeof requestSchemas)[C]>;

/**
 * Every response is a result value. `code` is stable: the IPC layer's own codes (`IPC_ERRORS`) have
 * their sentences in the `ipc` i18n namespace; engine codes keep their own namespaces (the
 * `finish:*` channels' codes are `FINISH_CODES`, namespace `finish`, keys `codes.<code>`).
 */
export type Result<T> = { ok: true; value: T } | { ok: false; code: string; detail?: string };

/** Failures produced by the IPC layer itself (namespace `ipc`). */
export const IPC_ERRORS = [
  'invalid-request',
  'invalid-address',
  'forbidden-sender',
  'internal-error',
  'not-available',
  'cancelled',
  'duplicate-operation',
  'url-not-allowed',
  'write-failed',
  'print-failed',
  'keychain-unavailable',
  'keychain-error',
] as const;
export type IpcError = (typeof IPC_ERRORS)[number];

export interface AppInfo {
  version: string;
  platform: string;
  /** The language the app speaks now ('en' or 'de'): the person's choice, else the OS's. */
  locale: string;
  /** The person's explicit choice, or null when the app follows the operating system. */
  languageOverride?: Language | null;
}

/**
 * Response types, by channel. The engine's reports (`shared/reports.ts`) pass through as plain
 * data; the renderer checks `check:run`, `probe:run`, `verify:run` and the events against their
 * schemas once, where they arrive.
 */
export interface ResponseMap {
  'app:info': AppInfo;
  'app:set-language': AppInfo;
  'check:run': CheckReport;
  'probe:run': ProbeReport;
  'health:run': HealthReport;
  'verify:run': VerifyAnswer;
  'operation:cancel': boolean;
  'export:save': { paths: string[] } | { cancelled: true };
  'sheet:print': { path: string } | { cancelled: true };
  'secret:save': true;
  'secret:load': string | null;
  'secret:delete': boolean;
  'shell:open-help': true;
  'clipboard:write': true;
  'finish:thunderbird-profiles': ThunderbirdProfiles;
  'finish:thunderbird-add': ThunderbirdAddition;
  'finish:outlook-import': OutlookImport;
  'finish:apple-open': AppleOpen;
}

export { METHODS, EVENT_CHANNEL, API_KEY } from './ipc-channels.ts';

export interface OperationEvent {
  operationId: string;
  /** An engine progress event (discovery, or a probe of one host), as plain data. */
  event: ProgressEvent;
}

export type MailSetupApi = {
  [M in keyof typeof METHODS]: (
    request: RequestOf<(typeof METHODS)[M]>,
  ) => Promise<Result<ResponseMap[(typeof METHODS)[M]]>>;
} & {
  /** Subscribe to operation events; returns the unsubscribe function. */
  onOperationEvent(listener: (event: OperationEvent) => void): () => void;
};
