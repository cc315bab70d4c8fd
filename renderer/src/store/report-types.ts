/**
 * The engine's report shapes as the renderer reads them. The IPC contract passes `check:run` and
 * `verify:run` responses through as plain data typed `unknown`; these types describe the parts the
 * wizard uses, in terms of the shared data model, and `asCheckReport`/`asVerifyReport` check the
 * outline before the UI relies on it (a malformed response becomes an error, not a crash).
 */
import type {
  Candidate,
  Endpoint,
  Finding,
  ProbeReport,
  SourceReport,
} from '../../../shared/model.ts';

/** What `check:run` returns. */
export interface CheckReport {
  address: string;
  domain: string;
  sources: SourceReport[];
  incoming: Candidate[];
  outgoing: Candidate[];
  probes: ProbeReport[];
  findings: Finding[];
  recommended: {
    incoming: Candidate | Endpoint | null;
    outgoing: Candidate | Endpoint | null;
    username?: string;
  };
  /** The known provider, by id (or as an object carrying its id). */
  provider?: string | { id: string; name?: string } | null;
}

export type LoginResult =
  | { ok: true; username: string; ms: number }
  | { ok: false; reason: string; serverText?: string; attempts?: number; ms: number };

/** What `verify:run` returns. */
export interface VerifyReport {
  incoming: LoginResult;
  outgoing: LoginResult;
  sender?: { ok: boolean; reason?: string; serverText?: string };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The report, when the value has its outline; otherwise null. */
export function asCheckReport(value: unknown): CheckReport | null {
  if (!isObject(value)) return null;
  const { sources, probes, findings, recommended } = value;
  if (!Array.isArray(sources) || !Array.isArray(probes) || !Array.isArray(findings)) return null;
  if (!isObject(recommended)) return null;
  const report = value as unknown as CheckReport;
  return {
    ...report,
    incoming: Array.isArray(report.incoming) ? report.incoming : [],
    outgoing: Array.isArray(report.outgoing) ? report.outgoing : [],
  };
}

function isLoginResult(value: unknown): value is LoginResult {
  return isObject(value) && typeof value.ok === 'boolean';
}

export function asVerifyReport(value: unknown): VerifyReport | null {
  if (!isObject(value)) return null;
  if (!isLoginResult(value.incoming) || !isLoginResult(value.outgoing)) return null;
  return value as unknown as VerifyReport;
}

/** The provider id a report names, if any. */
export function providerIdOf(report: CheckReport | null): string | null {
  const provider = report?.provider;
  if (!provider) return null;
  return typeof provider === 'string' ? provider : provider.id;
}

/** Certificate or plaintext problems that need the person's explicit consent for `endpoint`. */
export const CONSENT_FINDINGS = new Set([
  'cert-expired',
  'cert-not-yet-valid',
  'cert-hostname-mismatch',
  'cert-untrusted',
  'cert-self-signed',
]);
