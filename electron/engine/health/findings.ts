/** Building health findings: one shape for every check (code, severity, params, record as found). */
import type { Severity } from '../../../shared/model.ts';
import type { HealthCheck, HealthCode, HealthFinding } from '../../../shared/health.ts';

export type Params = Record<string, string | number>;

export function finding(
  check: HealthCheck,
  severity: Severity,
  code: HealthCode,
  params: Params = {},
  record?: string,
): HealthFinding {
  return { check, severity, code, params, ...(record === undefined ? {} : { record }) };
}

/** The records of a TXT answer that start with `prefix` (a version tag, compared case-blind). */
export function recordsStartingWith(records: readonly string[], prefix: RegExp): string[] {
  return records.filter((r) => prefix.test(r.trim()));
}
