/**
 * What the main process remembers of the checks it ran itself, so that `verify:run` enforces the
 * security policy without trusting the renderer's view of it (a compromised renderer must not be
 * able to send a password the engine's policy refuses): which hosts only an untrusted source
 * named, and which host:port the check saw offered encrypted (a plaintext consent never turns
 * those into plaintext).
 */
import { normaliseHost, parseConsent } from '../../shared/consent.ts';
import type { Candidate, Endpoint } from '../../shared/model.ts';
import type { CheckReport } from '../engine/choose/check.ts';

/** Checks remembered (the newest ones; a wizard run needs one). */
const KEPT = 4;

const same = (a: string, b: string): boolean => normaliseHost(a) === normaliseHost(b);

export class CheckMemory {
  #reports: CheckReport[] = [];

  remember(report: CheckReport): void {
    this.#reports = [report, ...this.#reports].slice(0, KEPT);
  }

  #candidates(host: string): Candidate[] {
    return this.#reports.flatMap((report) =>
      [...report.incoming, ...report.outgoing].filter((c) => same(c.host, host)),
    );
  }

  /** Hosts of these endpoints that the remembered checks know only from untrusted sources. */
  untrustedHosts(endpoints: readonly Endpoint[]): string[] {
    return endpoints
      .map((endpoint) => endpoint.host)
      .filter((host) => {
        const named = this.#candidates(host);
        return named.length > 0 && named.every((candidate) => !candidate.trusted);
      });
  }

  /** Whether a remembered check saw this endpoint's host and port offered with TLS or STARTTLS. */
  seenEncrypted(endpoint: Endpoint): boolean {
    const announced = this.#candidates(endpoint.host).some(
      (c) => c.port === endpoint.port && c.protocol === endpoint.protocol && c.security !== 'plain',
    );
    const probed = this.#reports.some((report) =>
      report.probes.some(
        (probe) =>
          same(probe.host, endpoint.host) &&
          probe.ports.some(
            (port) =>
              port.port === endpoint.port &&
              port.status === 'ok' &&
              (port.security !== 'plain' || port.starttlsOffered === true),
          ),
      ),
    );
    return announced || probed;
  }

  /**
   * The consents the engine may act on for these endpoints: readable entries only, and no
   * plaintext consent for a host whose plain endpoint the check saw offered encrypted.
   */
  enforce(entries: readonly string[], endpoints: readonly Endpoint[]): string[] {
    const downgraded = endpoints
      .filter((endpoint) => endpoint.security === 'plain' && this.seenEncrypted(endpoint))
      .map((endpoint) => normaliseHost(endpoint.host));
    return entries.filter((entry) => {
      const consent = parseConsent(entry);
      if (!consent) return false;
      return !(consent.kind === 'plaintext' && downgraded.includes(consent.host));
    });
  }
}

/** The main process's memory (one app, one wizard). */
export const checkMemory = new CheckMemory();
