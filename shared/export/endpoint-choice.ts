/**
 * Choosing what to write for clients that cannot express STARTTLS (Apple profiles, the PRF's
 * incoming server): an implicit-TLS endpoint of the same account when one is known to work.
 */
import { certificateAccepted } from '../certificate.ts';
import type { AccountSettings, Endpoint, ProbeReport } from '../model.ts';
import type { Alternatives, ExportFormat, ExportNote } from './types.ts';

export interface ChosenEndpoint {
  endpoint: Endpoint;
  notes: ExportNote[];
}

/**
 * Returns `chosen` unless it uses STARTTLS and `alternatives` hold an implicit-TLS endpoint for
 * the same protocol (same host preferred), in which case that one is used and an info note says so.
 */
export function preferImplicitTls(
  chosen: Endpoint,
  alternatives: Alternatives,
  format: ExportFormat,
): ChosenEndpoint {
  if (chosen.security !== 'starttls') return { endpoint: chosen, notes: [] };
  const usable = alternatives.filter(
    (alt) => alt.protocol === chosen.protocol && alt.security === 'tls',
  );
  const best =
    usable.find((alt) => alt.host.toLowerCase() === chosen.host.toLowerCase()) ?? usable[0];
  if (!best) return { endpoint: chosen, notes: [] };
  const endpoint: Endpoint = { ...best, username: best.username || chosen.username };
  return {
    endpoint,
    notes: [
      {
        code: 'implicit-tls-used',
        severity: 'info',
        format,
        params: {
          protocol: chosen.protocol.toUpperCase(),
          host: endpoint.host,
          port: endpoint.port,
          fromPort: chosen.port,
        },
      },
    ],
  };
}

/**
 * Implicit-TLS endpoints a check found working (port answered, certificate trusted and matching
 * the host name), with the username of the chosen endpoint of the same protocol.
 */
export function alternativesFromProbes(
  probes: readonly ProbeReport[] | undefined,
  settings: AccountSettings,
): Endpoint[] {
  const out: Endpoint[] = [];
  for (const probe of probes ?? []) {
    for (const port of probe.ports) {
      if (port.status !== 'ok' || port.security !== 'tls') continue;
      if (!port.tls || !certificateAccepted(port.tls)) continue;
      const base = port.protocol === 'smtp' ? settings.outgoing : settings.incoming;
      if (base.protocol !== port.protocol) continue;
      out.push({
        protocol: port.protocol,
        host: probe.host,
        port: port.port,
        security: 'tls',
        username: base.username,
      });
    }
  }
  return out;
}
