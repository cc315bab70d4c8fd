/**
 * `check:run`, `probe:run`, `verify:run`: thin callers of the engine. Each runs with the
 * operation's AbortSignal and forwards the engine's progress events to the window; the final
 * report is the call's result. Addresses are parsed with the shared parser; an unusable one is
 * `invalid-address` with the parser's reason (namespace `address`) as detail.
 */
import { drain } from '../engine/async-flow.ts';
import { parseAddress } from '../../shared/address.ts';
import type { RequestOf, Result } from '../../shared/ipc.ts';
import type { ProbeReport } from '../../shared/model.ts';
import { findProviderById } from '../../shared/providers/index.ts';
import {
  guidanceAfterLogin,
  leadingFailure,
  type Guidance,
} from '../../shared/providers/guidance.ts';
import type { CheckReport, VerificationReport, VerifyAnswer } from '../../shared/reports.ts';
import { checkAddress } from '../engine/choose/check.ts';
import type { Resolver } from '../engine/net/resolver.ts';
import { probeHost } from '../engine/probe/index.ts';
import { verifyAccount } from '../engine/verify/index.ts';
import type { HandlerContext, Handlers } from '../ipc.ts';
import { checkMemory, type CheckMemory } from './check-memory.ts';

export type { VerifyAnswer } from '../../shared/reports.ts';

function guidanceForReport(report: VerificationReport, providerId: string | undefined): Guidance[] {
  const provider = providerId ? findProviderById(providerId) : undefined;
  return guidanceAfterLogin(provider, leadingFailure(report));
}

/** Where the engine's network steps go: the system's DNS and CAs in the app, the lab's in tests. */
export interface EngineNet {
  resolver?: Resolver;
  ca?: string[];
  timeoutMs?: number;
}

type RunContext = Pick<HandlerContext, 'signal' | 'emit'>;

/** `check:run`: discovery and probes for one address, progress events forwarded. */
export async function runCheck(
  { address, helpdesk }: RequestOf<'check:run'>,
  { signal, emit }: RunContext,
  net: EngineNet = {},
  memory: CheckMemory = checkMemory,
): Promise<Result<CheckReport>> {
  const parsed = parseAddress(address);
  if (!parsed.ok) return { ok: false, code: 'invalid-address', detail: parsed.error };
  // The helpdesk view shows the domain's health too (its Domain section, the ticket report).
  const health = helpdesk ? { health: {} } : {};
  const events = checkAddress(parsed.value, { ...net, ...health, signal });
  // Every event but the last, whose report is the call's result.
  const report = await drain(events, (event) => {
    if (event.type !== 'check-done') emit(event);
  });
  memory.remember(report);
  return { ok: true, value: report };
}

/**
 * `verify:run`: both logins, plus the provider's guidance when one failed. The policy is enforced
 * here from what this process's own checks found (CheckMemory), not from the renderer's view:
 * hosts only an untrusted source named need a source consent, and a plaintext consent does not
 * turn an endpoint the check saw encrypted into plaintext.
 */
export async function runVerify(
  request: RequestOf<'verify:run'>,
  { signal }: Pick<HandlerContext, 'signal'>,
  net: EngineNet = {},
  memory: CheckMemory = checkMemory,
): Promise<Result<VerifyAnswer>> {
  const parsed = parseAddress(request.address);
  if (!parsed.ok) return { ok: false, code: 'invalid-address', detail: parsed.error };
  const endpoints = [request.incoming, request.outgoing];
  const untrustedHosts = memory.untrustedHosts(endpoints);
  const report = await verifyAccount(
    {
      address: parsed.value,
      incoming: request.incoming,
      outgoing: request.outgoing,
      ...(request.providerId ? { providerId: request.providerId } : {}),
    },
    {
      ...net,
      password: request.password,
      allowInsecure: memory.enforce(request.allowInsecure, endpoints),
      ...(untrustedHosts.length ? { untrustedHosts } : {}),
      signal,
      ...(request.from ? { from: request.from } : {}),
    },
  );
  return {
    ok: true,
    value: { ...report, guidance: guidanceForReport(report, request.providerId) },
  };
}

/** `probe:run`: every port of one host (the manual entry's check), progress events forwarded. */
export async function runProbe(
  { host, ports }: RequestOf<'probe:run'>,
  { signal, emit }: RunContext,
  net: EngineNet = {},
): Promise<Result<ProbeReport>> {
  // Tagged with the host like check's probe events, so every operation event has one shape.
  const report = await drain(
    probeHost(host, { ...net, ...(ports ? { ports } : {}), signal }),
    (event) => {
      if (event.type !== 'done') emit({ ...event, host });
    },
  );
  return { ok: true, value: report };
}

export function engineHandlers(): Pick<Handlers, 'check:run' | 'probe:run' | 'verify:run'> {
  return {
    'check:run': (request, context) => runCheck(request, context),
    'probe:run': (request, context) => runProbe(request, context),
    'verify:run': (request, context) => runVerify(request, context),
  };
}
