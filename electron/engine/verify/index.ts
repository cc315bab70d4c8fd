/**
 * Verify: a real login on the chosen servers, with the security policy enforced, username forms
 * tried where allowed, every failure classified (stable reason + the server's own words), and an
 * optional sender check on the authenticated SMTP session. Results, never exceptions.
 */
import type { LoginResult, VerificationReport } from '../../../shared/reports.ts';
import type { ParsedAddress } from '../../../shared/address.ts';
import { takesPassword } from '../../../shared/auth-method.ts';
import {
  ACCOUNT_REASONS,
  BEFORE_LOGIN_REASONS,
  VAGUE_REASONS,
  type VerifyReason,
} from '../../../shared/codes.ts';
import type { Endpoint } from '../../../shared/model.ts';
import { findProviderById } from '../../../shared/providers/index.ts';
import { likelyReason } from '../../../shared/providers/guidance.ts';
import { reachable } from '../net/network-level.ts';
import { createResolver, type Resolver } from '../net/resolver.ts';
import type { AttemptOutcome, LoginAttempt } from './attempt.ts';
import { imapLogin } from './imap-login.ts';
import { hasSourceConsent, planTransport, type InsecureConsent } from './policy.ts';
import { normaliseHost } from '../../../shared/consent.ts';
import { pop3Login } from './pop3-login.ts';
import { checkSender, type SenderResult } from './sender-check.ts';
import { acceptsConnection, SILENCE_CHECK_MS } from './silence.ts';
import { smtpLogin } from './smtp-login.ts';
import { accountVariants, limitVariants, mayTryNext, preferWorking } from './variants.ts';

export interface VerifyOptions {
  password: string;
  /** Extra trusted CA certificates (PEM). */
  ca?: string[];
  resolver?: Resolver;
  /** Per connection attempt (default 20 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /**
   * Consent entries (shared/consent.ts): `host` allows plaintext to a `plain` endpoint there,
   * `host#SHA-256` accepts an invalid certificate on that host only when it is exactly that one,
   * `source:domain` accepts settings from an untrusted source for hosts in that domain.
   */
  allowInsecure?: readonly string[];
  /** Variants to try in order, max 3; default [endpoint.username]. */
  usernames?: string[];
  /** Sender check address (SMTP only). */
  from?: string;
  /**
   * Hosts whose settings came from an untrusted source (http, another domain): refused before any
   * connection (`untrusted-refused`) unless a `source:` consent in `allowInsecure` covers them.
   */
  untrustedHosts?: readonly string[];
}

export type { LoginResult, VerificationReport } from '../../../shared/reports.ts';

export interface AccountToVerify {
  address: ParsedAddress;
  incoming: Endpoint;
  outgoing: Endpoint;
  providerId?: string;
}

export type { SenderResult } from './sender-check.ts';
export type { InsecureConsent } from './policy.ts';

export const DEFAULT_VERIFY_TIMEOUT_MS = 20_000;

type Login = (attempt: LoginAttempt) => Promise<AttemptOutcome>;

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

async function resolveAddress(
  host: string,
  options: VerifyOptions,
): Promise<{ ok: true; ip: string } | { ok: false; reason: VerifyReason }> {
  const resolver = options.resolver ?? createResolver();
  try {
    // Never to the unspecified address, multicast or a cloud metadata endpoint.
    const [ip] = reachable(undefined, await resolver.lookup(host, options.signal)).allowed;
    if (ip) return { ok: true, ip };
    return { ok: false, reason: 'unreachable' };
  } catch (error) {
    // DNS said no (ENOTFOUND, ENODATA, ESERVFAIL, ...) or did not answer in time / was cancelled.
    const code = (error as { code?: string }).code;
    const late = code === 'ETIMEOUT' || code === 'ETIMEDOUT' || code === 'ECANCELLED';
    return { ok: false, reason: late ? 'timeout' : 'unreachable' };
  }
}

interface EndpointOutcome {
  login: LoginResult;
  sender?: SenderResult;
}

async function runEndpoint(endpoint: Endpoint, options: VerifyOptions): Promise<EndpointOutcome> {
  const started = performance.now();
  // OAuth2 only: no password may go there, and none would work; the mail program signs in.
  if (!takesPassword(endpoint)) {
    return {
      login: {
        ok: true,
        username: endpoint.username,
        ms: elapsed(started),
        signIn: 'mail-program',
      },
    };
  }
  const consent: InsecureConsent = options.allowInsecure;
  const plan = planTransport(endpoint, consent);
  // Policy first: nothing is sent, not even a connection is opened.
  if (!plan.allowed)
    return { login: { ok: false, reason: plan.reason, attempts: 0, ms: elapsed(started) } };
  const untrusted = (options.untrustedHosts ?? []).some(
    (host) => normaliseHost(host) === normaliseHost(endpoint.host),
  );
  if (untrusted && !hasSourceConsent(consent, endpoint.host))
    return { login: { ok: false, reason: 'untrusted-refused', attempts: 0, ms: elapsed(started) } };
  const resolved = await resolveAddress(endpoint.host, options);
  if (!resolved.ok)
    return { login: { ok: false, reason: resolved.reason, attempts: 0, ms: elapsed(started) } };
  const usernames = limitVariants(
    options.usernames?.length ? options.usernames : [endpoint.username],
  );
  let sender: SenderResult | undefined;
  const login: Login =
    endpoint.protocol === 'imap'
      ? imapLogin
      : endpoint.protocol === 'pop3'
        ? pop3Login
        : (attempt) =>
            smtpLogin(
              attempt,
              options.from
                ? async (session) => {
                    sender = await checkSender(session, options.from!, options.password);
                  }
                : undefined,
            );
  let reported: { outcome: Extract<AttemptOutcome, { ok: false }>; username: string } | null = null;
  let attempts = 0;
  for (const username of usernames) {
    if (options.signal?.aborted) break;
    attempts += 1;
    const outcome = await login({
      endpoint,
      ip: resolved.ip,
      username,
      password: options.password,
      plan,
      ...(options.ca ? { ca: options.ca } : {}),
      timeoutMs: options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (outcome.ok) {
      return { login: { ok: true, username, ms: elapsed(started) }, ...(sender ? { sender } : {}) };
    }
    if (
      !reported ||
      (VAGUE_REASONS.has(reported.outcome.reason) && !VAGUE_REASONS.has(outcome.reason))
    ) {
      reported = { outcome, username };
    }
    if (!mayTryNext(outcome.reason)) break;
  }
  let failure = reported?.outcome ?? { ok: false as const, reason: 'timeout' as const };
  if (failure.reason === 'timeout' && !options.signal?.aborted) {
    const wait = Math.min(SILENCE_CHECK_MS, options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS);
    if (await acceptsConnection(resolved.ip, endpoint.port, wait, options.signal))
      failure = { ...failure, reason: 'server-silent' };
  }
  return {
    login: {
      ok: false,
      reason: failure.reason,
      ...(failure.serverText ? { serverText: failure.serverText } : {}),
      ...(reported ? { username: reported.username } : {}),
      attempts,
      ms: elapsed(started),
    },
  };
}

/** Logs in on one endpoint (IMAP, POP3 or SMTP); tries `options.usernames` in order. */
export async function verifyEndpoint(
  endpoint: Endpoint,
  options: VerifyOptions,
): Promise<LoginResult> {
  return (await runEndpoint(endpoint, options)).login;
}

/** Applies provider knowledge to a failure ("mailbox.org with 2FA needs an app password"). */
function sharpen(result: LoginResult, providerId: string | undefined): LoginResult {
  if (result.ok) return result;
  const provider = providerId ? findProviderById(providerId) : undefined;
  return { ...result, reason: likelyReason(provider, result.reason, result.serverText ?? '') };
}

/**
 * Postfix and many submission servers hide the reason behind a bare 535. When the incoming server
 * (same account, same password) gave an account-level reason, the outgoing refusal has the same.
 */
function inherit(outgoing: LoginResult, incoming: LoginResult): LoginResult {
  if (outgoing.ok || incoming.ok || outgoing.reason !== 'wrong-credentials') return outgoing;
  return ACCOUNT_REASONS.has(incoming.reason) ? { ...outgoing, reason: incoming.reason } : outgoing;
}

/**
 * Verifies an account: incoming first (trying the username forms the provider allows), then
 * outgoing with the username that worked first, then the sender check if asked.
 */
export async function verifyAccount(
  settings: AccountToVerify,
  options: VerifyOptions,
): Promise<VerificationReport> {
  const resolver = options.resolver ?? createResolver();
  const shared = { ...options, resolver };
  const variants = (endpoint: Endpoint) =>
    options.usernames?.length
      ? limitVariants(options.usernames)
      : accountVariants(settings.address, endpoint.username, settings.providerId);
  const { from: _from, ...withoutSender } = shared;
  const incoming = (
    await runEndpoint(settings.incoming, {
      ...withoutSender,
      usernames: variants(settings.incoming),
    })
  ).login;
  const working = incoming.ok ? incoming.username : undefined;
  // After the incoming server refused the login itself (not a network or TLS problem), the other
  // username forms were tried already: one attempt on SMTP shows the result (lockouts are real).
  const loginRefused =
    !incoming.ok && incoming.attempts > 0 && !BEFORE_LOGIN_REASONS.has(incoming.reason);
  const outgoingRun = await runEndpoint(settings.outgoing, {
    ...shared,
    usernames: loginRefused
      ? [incoming.username ?? settings.outgoing.username]
      : preferWorking(variants(settings.outgoing), working),
  });
  const incomingResult = sharpen(incoming, settings.providerId);
  return {
    incoming: incomingResult,
    outgoing: inherit(sharpen(outgoingRun.login, settings.providerId), incomingResult),
    ...(options.from && outgoingRun.sender ? { sender: outgoingRun.sender } : {}),
  };
}
