/**
 * The login step of `mailsetup check`: `--password-stdin` (one line from standard input; a
 * silent prompt on a terminal), the consents that name what they accept (consent-step.ts:
 * `--allow-plaintext HOST`, `--accept-cert HOST#SHA256`, `--accept-source DOMAIN`, asked on a
 * terminal when missing), `--from ADDRESS` (sender check), `--save-password` (OS keychain, only after a working login).
 * The password never comes from argv and is never printed. Adds `verification` and `guidance`
 * to the JSON report; both logins working means exit code 0.
 */
import { parseAddress, type ParsedAddress } from '../../shared/address.ts';
import type { VerifyReason } from '../../shared/codes.ts';
import type { Endpoint } from '../../shared/model.ts';
import { findProviderById } from '../../shared/providers/index.ts';
import { guidanceAfterLogin, leadingFailure } from '../../shared/providers/guidance.ts';
import { KeytarSecretStore } from '../engine/secrets/keytar-store.ts';
import type { SecretResult, SecretStore } from '../engine/secrets/secret-store.ts';
import { keychainAccount } from '../../shared/keychain.ts';
import type { Recommendation } from '../engine/choose/check.ts';
import type { Resolver } from '../engine/net/resolver.ts';
import {
  verifyAccount,
  type LoginResult,
  type SenderResult,
  type VerificationReport,
} from '../engine/verify/index.ts';
import { endpointOf, type CheckContext } from './check-context.ts';
import {
  askConsents,
  canAsk,
  CONSENT_ARG_OPTIONS,
  consentsFromArgs,
  hasConsentArgs,
  missingConsents,
  type ConsentArgs,
} from './consent-step.ts';
import type { DiscoveryArgs } from './discovery-options.ts';
import { sharedPassword } from './password-input.ts';
import { EXIT, UsageError } from './io.ts';
import type { Translate } from './translate.ts';
import { verifyText, type GuidanceJson, type VerifyStepResult } from './verify-view.ts';

/** Options to merge into the check command's parseArgs options. */
export const VERIFY_ARG_OPTIONS = {
  'password-stdin': { type: 'boolean' },
  ...CONSENT_ARG_OPTIONS,
  from: { type: 'string' },
  'save-password': { type: 'boolean' },
} as const;

export interface VerifyArgs extends ConsentArgs {
  'password-stdin'?: boolean;
  from?: string;
  'save-password'?: boolean;
}

export type { GuidanceJson, VerifyStepResult } from './verify-view.ts';

export interface VerifyStepInput {
  address: ParsedAddress;
  incoming: Endpoint;
  outgoing: Endpoint;
  providerId?: string;
  password: string;
  args: VerifyArgs;
  ca?: string[];
  resolver?: Resolver;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Where `--save-password` stores (default: the OS keychain). */
  store?: SecretStore;
  /** Hosts from an untrusted source: no login there without a source consent. */
  untrustedHosts?: string[];
  /** Consent entries (shared/consent.ts) from the options and the terminal prompts. */
  consents?: readonly string[];
}

/** Checks the verify options before anything runs (a bad `--from` is a usage error). */
export function validateVerifyArgs(args: VerifyArgs, t: Translate): string | undefined {
  if (args.from === undefined) return undefined;
  const parsed = parseAddress(args.from);
  if (!parsed.ok) throw new UsageError(`--from: ${t(`address:${parsed.error}`)}`);
  return parsed.value.address;
}

/** The first reason that needs the person's action: incoming, then outgoing, then the sender. */
export function guidanceJson(
  providerId: string | undefined,
  reason: VerifyReason | undefined,
  t: Translate,
): GuidanceJson[] {
  const provider = providerId ? findProviderById(providerId) : undefined;
  return guidanceAfterLogin(provider, reason).map((guide) => ({
    code: guide.code,
    provider: guide.provider,
    title: t(`providers:${guide.titleKey}`, guide.params),
    steps: guide.stepKeys.map((key) => t(`providers:${key}`, guide.params)),
    url: guide.url ?? null,
  }));
}

/**
 * The recommendation after a login test: each server's username is the one it accepted, and
 * `username` the incoming one (else the outgoing one), so every export and report that reads
 * `recommended` says the name that worked (Runbox `local%domain`, not the address).
 */
export function withProvenUsernames(
  recommended: Recommendation,
  report: VerificationReport,
): Recommendation {
  const accepted = (login: LoginResult): string | undefined =>
    login.ok && login.signIn === undefined ? login.username : undefined;
  const incoming = accepted(report.incoming);
  const outgoing = accepted(report.outgoing);
  if (incoming === undefined && outgoing === undefined) return recommended;
  return {
    incoming:
      recommended.incoming && incoming
        ? { ...recommended.incoming, username: incoming }
        : recommended.incoming,
    outgoing:
      recommended.outgoing && outgoing
        ? { ...recommended.outgoing, username: outgoing }
        : recommended.outgoing,
    username: incoming ?? outgoing ?? recommended.username,
    proven: { ...(incoming ? { incoming } : {}), ...(outgoing ? { outgoing } : {}) },
  };
}

/** A failed login or sender check always names the server's words (null when it said none). */
function withServerText(result: LoginResult | SenderResult): object {
  return result.ok ? result : { ...result, serverText: result.serverText ?? null };
}

/** The `verification` member of `check --json` (see README). */
export function verificationJson(report: VerificationReport): Record<string, unknown> {
  return {
    incoming: withServerText(report.incoming),
    outgoing: withServerText(report.outgoing),
    ...(report.sender ? { sender: withServerText(report.sender) } : {}),
  };
}

/** `--save-password`: the password under the account's keychain name (shared/keychain.ts). */
export function rememberPassword(
  store: SecretStore,
  address: ParsedAddress,
  incoming: Endpoint,
  password: string,
): Promise<SecretResult> {
  return store.save(keychainAccount(address.address, incoming), password);
}

async function savePassword(
  input: VerifyStepInput,
  t: Translate,
): Promise<VerifyStepResult['keychain']> {
  const store = input.store ?? new KeytarSecretStore();
  const saved = await rememberPassword(store, input.address, input.incoming, input.password);
  if (!saved.ok)
    return { ok: false, code: saved.code, message: t(`verify:keychain.${saved.code}.title`) };
  return { ok: true };
}

/** Runs the logins (and the sender check), builds the JSON additions. */
export async function runVerifyStep(
  input: VerifyStepInput,
  t: Translate,
): Promise<VerifyStepResult> {
  const { args } = input;
  const verification = await verifyAccount(
    {
      address: input.address,
      incoming: input.incoming,
      outgoing: input.outgoing,
      ...(input.providerId ? { providerId: input.providerId } : {}),
    },
    {
      password: input.password,
      ...(input.ca ? { ca: input.ca } : {}),
      ...(input.resolver ? { resolver: input.resolver } : {}),
      ...(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {}),
      ...(input.signal ? { signal: input.signal } : {}),
      ...(input.consents?.length ? { allowInsecure: [...input.consents] } : {}),
      ...(input.untrustedHosts?.length ? { untrustedHosts: input.untrustedHosts } : {}),
      ...(args.from ? { from: args.from } : {}),
    },
  );
  const ok = verification.incoming.ok && verification.outgoing.ok;
  const keychain = args['save-password'] && ok ? await savePassword(input, t) : undefined;
  return {
    verification,
    guidance: guidanceJson(input.providerId, leadingFailure(verification), t),
    ...(keychain ? { keychain } : {}),
    ok,
  };
}

/**
 * The check command's follow-up step: with --password-stdin, logs in on the recommended servers
 * and adds `verification` and `guidance` to the report. Exit code: 0 when both logins work, 1
 * otherwise (3 stays 3).
 */
export async function verifyCheckStep(context: CheckContext): Promise<void> {
  const { io, t } = context;
  const values = context.values as VerifyArgs & DiscoveryArgs;
  const wantsVerify = values['password-stdin'] === true;
  // The deprecated blanket consent is refused first, whatever else is given.
  if (values['allow-insecure']) consentsFromArgs(values, t);
  if (!wantsVerify) {
    if (hasConsentArgs(values) || values.from !== undefined || values['save-password'])
      throw new UsageError(t('security:consent.needsPassword'));
    return;
  }
  const given = consentsFromArgs(values, t);
  const from = validateVerifyArgs(values, t);
  const { incoming, outgoing } = context.report.recommended;
  if (!incoming || !outgoing) {
    context.text.push(`\n${t('verify:cli.nothingToVerify')}\n`);
    if (context.exit !== EXIT.failed) context.exit = EXIT.findings;
    return;
  }
  const probes = context.report.probes;
  // On a terminal, ask for what the options do not cover, showing the certificate.
  const asked = canAsk(io)
    ? await askConsents(io, missingConsents([incoming, outgoing], probes, given), t)
    : [];
  const password = await sharedPassword(io, context.address.display, t);
  if (!password) throw new UsageError(t('verify:cli.emptyPassword'));
  const engine = context.options;
  const result = await runVerifyStep(
    {
      address: context.address,
      incoming: endpointOf(incoming),
      outgoing: endpointOf(outgoing),
      untrustedHosts: [incoming, outgoing].filter((c) => !c.trusted).map((c) => c.host),
      consents: [...given, ...asked],
      ...(context.report.provider ? { providerId: context.report.provider } : {}),
      password,
      args: { ...values, ...(from ? { from } : {}) },
      ...(engine.ca?.length ? { ca: engine.ca } : {}),
      ...(engine.resolver ? { resolver: engine.resolver } : {}),
      ...(engine.timeoutMs ? { timeoutMs: engine.timeoutMs } : {}),
    },
    t,
  );
  context.report.recommended = withProvenUsernames(context.report.recommended, result.verification);
  context.json.verification = verificationJson(result.verification);
  context.json.guidance = result.guidance;
  if (result.keychain) context.json.keychain = result.keychain;
  context.text.push(
    `\n${context.colours.bold(t('verify:cli.heading'))}\n${verifyText(result, from, t, {
      incoming: endpointOf(incoming),
      outgoing: endpointOf(outgoing),
      probes,
    })}`,
  );
  if (context.exit !== EXIT.failed) context.exit = result.ok ? EXIT.ok : EXIT.findings;
}
