/**
 * `check:run`, `probe:run`, `verify:run`: thin callers of the engine. Each runs with the
 * operation's AbortSignal and forwards the engine's progress events to the window; the final
 * report is the call's result. Addresses are parsed with the shared parser; an unusable one is
 * `invalid-address` with the parser's reason (namespace `address`) as detail.
 */
import { parseAddress } from '../../shared/address.ts';
import type { OperationEvent, RequestOf, Result } from '../../shared/ipc.ts';
import { findProviderById } from '../../shared/providers/index.ts';
import { guidanceFor, type Guidance } from '../../shared/providers/guidance.ts';
import type { CheckReport, VerificationReport, VerifyAnswer } from '../../shared/reports.ts';
import { checkAddress } from '../engine/check.ts';
import type { Resolver } from '../engine/net/resolver.ts';
import { probeHost, type ProbeEvent } from '../engine/probe/index.ts';
import { verifyAccount } from '../engine/verify/index.ts';
import type { HandlerContext, Handlers } from '../ipc.ts';

/**
 * Runs an engine generator to its end, forwarding each progress event except the final one
 * (`finalType`, whose report is the call's result anyway); returns the generator's report.
 */
export async function drain<E extends { type: string }, R, F extends E['type']>(
  run: AsyncGenerator<E, R>,
  emit: (event: Exclude<E, { type: F }>) => void,
  finalType: F,
): Promise<R> {
  for (;;) {
    const step = await run.next();
    if (step.done) return step.value;
    if (step.value.type !== finalType) emit(step.value as Exclude<E, { type: F }>);
  }
}

export type { VerifyAnswer } from '../../shared/reports.ts';

function guidanceForReport(report: VerificationReport, providerId: string | undefined): Guidance[] {
  const failed = [report.incoming, report.outgoing].find((login) => !login.ok);
  if (!failed || failed.ok) return [];
  const provider = providerId ? findProviderById(providerId) : undefined;
  return guidanceFor(provider, { reason: failed.reason });
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
  { address }: RequestOf<'check:run'>,
  { signal, emit }: RunContext,
  net: EngineNet = {},
): Promise<Result<CheckReport>> {
  const parsed = parseAddress(address);
  if (!parsed.ok) return { ok: false, code: 'invalid-address', detail: parsed.error };
  const report = await drain(checkAddress(parsed.value, { ...net, signal }), emit, 'check-done');
  return { ok: true, value: report };
}

/** `verify:run`: both logins, plus the provider's guidance when one failed. */
export async function runVerify(
  request: RequestOf<'verify:run'>,
  { signal }: Pick<HandlerContext, 'signal'>,
  net: EngineNet = {},
): Promise<Result<VerifyAnswer>> {
  const parsed = parseAddress(request.address);
  if (!parsed.ok) return { ok: false, code: 'invalid-address', detail: parsed.error };
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
      allowInsecure: request.allowInsecure,
      signal,
      ...(request.from ? { from: request.from } : {}),
    },
  );
  return {
    ok: true,
    value: { ...report, guidance: guidanceForReport(report, request.providerId) },
  };
}

export function engineHandlers(): Pick<Handlers, 'check:run' | 'probe:run' | 'verify:run'> {
  return {
    'check:run': (request, context) => runCheck(request, context),
    'probe:run': async ({ host, ports }, { signal, emit }) => {
      // Tagged with the host like check's probe events, so every operation event has one shape.
      const tagged = (event: ProbeEvent): OperationEvent['event'] => ({ ...event, host });
      const report = await drain(
        probeHost(host, { ports, signal }),
        (e) => emit(tagged(e)),
        'done',
      );
      return { ok: true, value: report };
    },
    'verify:run': (request, context) => runVerify(request, context),
  };
}
