/**
 * What the follow-up steps of `mailsetup check` (login test, export) share: the run's io and
 * words, its parsed options and the engine options built from them once (one resolver, the --ca
 * files read once), the report (refined by the steps: the user names that worked), and what each
 * step adds to the JSON document and the terminal text.
 */
import type { ParsedAddress } from '../../shared/address.ts';
import type { Endpoint } from '../../shared/model.ts';
import type { CheckOptions, CheckReport } from '../engine/choose/check.ts';
import type { Colours } from './colour.ts';
import type { CliIo } from './io.ts';
import type { Translate } from './translate.ts';

export interface CheckContext {
  io: CliIo;
  t: Translate;
  colours: Colours;
  values: Record<string, unknown>;
  /** The engine options built from `values` once (resolver, CA certificates, timeout). */
  options: CheckOptions;
  address: ParsedAddress;
  report: CheckReport;
  /** Extra members of the `--json` document. */
  json: Record<string, unknown>;
  /** Extra text printed after the recommendation (terminal output). */
  text: string[];
  exit: number;
}

export type CheckStep = (context: CheckContext) => Promise<void>;

/** The endpoint part of a candidate (what a mail program needs, no provenance). */
export const endpointOf = (c: Endpoint): Endpoint => ({
  protocol: c.protocol,
  host: c.host,
  port: c.port,
  security: c.security,
  username: c.username,
  ...(c.authMethod ? { authMethod: c.authMethod } : {}),
});
