/**
 * Which ports to probe and what to expect on each: the standard mail ports by default; a port
 * number alone is looked up there (or among a few well-known extras), otherwise its protocol is
 * recognised from its greeting and its security from whether it speaks TLS.
 */
import { STANDARD_PORTS, type Protocol, type Security } from '../../../shared/model.ts';
import type { PortPlan } from './port.ts';

export interface ProbeTarget {
  port: number;
  protocol?: Protocol;
  security?: Security;
}

/** Ports outside STANDARD_PORTS that are common enough to guess. */
const WELL_KNOWN: Record<number, { protocol: Protocol; security?: Security }> = {
  2525: { protocol: 'smtp', security: 'starttls' },
  1143: { protocol: 'imap', security: 'starttls' },
};

/** The standard ports (with protocol and security) of the given protocols. */
export function standardPortsFor(protocols: readonly Protocol[]): ProbeTarget[] {
  return STANDARD_PORTS.filter((entry) => protocols.includes(entry.protocol)).map((entry) => ({
    ...entry,
  }));
}

export function isValidPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

/** Plans for the given ports (invalid numbers dropped, duplicates merged, order kept). */
export function planPorts(ports?: ReadonlyArray<number | ProbeTarget>): PortPlan[] {
  const wanted = ports ?? STANDARD_PORTS;
  const plans = new Map<number, PortPlan>();
  for (const entry of wanted) {
    const target = typeof entry === 'number' ? { port: entry } : entry;
    if (!isValidPort(target.port) || plans.has(target.port)) continue;
    const known = STANDARD_PORTS.find((s) => s.port === target.port) ?? WELL_KNOWN[target.port];
    const plan: PortPlan = { port: target.port };
    const protocol = target.protocol ?? known?.protocol;
    const security =
      target.security ??
      (target.protocol && target.protocol !== known?.protocol ? undefined : known?.security);
    if (protocol) plan.protocol = protocol;
    if (security) plan.security = security;
    plans.set(target.port, plan);
  }
  return [...plans.values()];
}
