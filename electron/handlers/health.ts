/**
 * `health:run`: the domain health of an address's domain or a bare domain (the helpdesk view's
 * Domain section, e.g. again with a DKIM selector the helpdesk names). A target that is neither
 * an address nor a domain is `invalid-address`.
 */
import { parseAddress, toAsciiDomain } from '../../shared/address.ts';
import type { HealthReport } from '../../shared/health.ts';
import type { RequestOf, Result } from '../../shared/ipc.ts';
import { checkDomainHealth } from '../engine/health/index.ts';
import type { HandlerContext, Handlers } from '../ipc.ts';
import type { EngineNet } from './engine.ts';

function domainOf(target: string): string | null {
  const value = target.trim();
  if (!value.includes('@')) return toAsciiDomain(value);
  const parsed = parseAddress(value);
  return parsed.ok ? parsed.value.domain : null;
}

export async function runHealth(
  request: RequestOf<'health:run'>,
  { signal }: Pick<HandlerContext, 'signal'>,
  net: EngineNet = {},
): Promise<Result<HealthReport>> {
  const domain = domainOf(request.target);
  if (!domain) return { ok: false, code: 'invalid-address' };
  const report = await checkDomainHealth(domain, {
    ...net,
    signal,
    dkimSelectors: request.dkimSelectors ?? [],
    ...(request.providerId ? { providerId: request.providerId } : {}),
  });
  return { ok: true, value: report };
}

export function healthHandlers(): Pick<Handlers, 'health:run'> {
  return { 'health:run': (request, context) => runHealth(request, context) };
}
