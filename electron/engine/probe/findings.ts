/**
 * What is wrong (or worth knowing) about a host, derived from its port results alone: a pure
 * function, so the CLI, the app and the tests judge the same facts the same way. Each finding has
 * a stable code (shared/codes.ts), a severity, the port, and params for its sentence.
 */
import type { FindingCode } from '../../../shared/codes.ts';
import { CERT_EXPIRY_WARNING_DAYS } from '../../../shared/health.ts';
import type { Finding, PortResult, Protocol, Severity, TlsFacts } from '../../../shared/model.ts';
import { daysUntil } from '../net/cert.ts';
import { recogniseGreeting } from './greeting.ts';

const OUTDATED_TLS = new Set(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1']);
const EXPIRY_ERRORS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
/** Port 25 is server-to-server relay: no AUTH there is normal. */
const RELAY_PORT = 25;

type Params = Record<string, string | number>;

export function deriveFindings(
  host: string,
  ports: readonly PortResult[],
  now = new Date(),
): Finding[] {
  const findings: Finding[] = [];
  const add = (
    severity: Severity,
    code: FindingCode,
    port: PortResult | null,
    params: Params = {},
  ): void => {
    const finding: Finding = { severity, code, host, params: { host, ...params } };
    if (port) {
      finding.port = port.port;
      finding.protocol = port.protocol;
      finding.params = { ...finding.params, port: port.port, protocol: port.protocol };
    }
    findings.push(finding);
  };
  const anyAnswered = ports.some((p) => !['refused', 'timeout', 'unreachable'].includes(p.status));

  for (const port of ports) {
    portFindings(port, anyAnswered, add);
    if (port.tls) certificateFindings(port, port.tls, now, add);
    if (port.status === 'ok' && port.port !== RELAY_PORT && !offersLogin(port)) {
      add('warning', 'no-auth-offered', port);
    }
  }
  for (const protocol of ['imap', 'pop3', 'smtp'] as const) plaintextOnly(ports, protocol, add);
  // Where a whole service is plaintext-only, "no STARTTLS on port N" only repeats it.
  const plaintextOnlyProtocols = new Set(
    findings.filter((f) => f.code === 'plaintext-only').map((f) => f.protocol),
  );
  return findings.filter(
    (f) => f.code !== 'starttls-missing' || !plaintextOnlyProtocols.has(f.protocol),
  );
}

type Add = (
  severity: Severity,
  code: FindingCode,
  port: PortResult | null,
  params?: Params,
) => void;

function portFindings(port: PortResult, anyAnswered: boolean, add: Add): void {
  const detail = { detail: port.error ?? '' };
  switch (port.status) {
    case 'refused':
      add(anyAnswered ? 'info' : 'error', 'port-refused', port);
      break;
    case 'timeout':
      // Connected, then silence (no greeting, no TLS handshake): the server or a firewall in
      // front of it is stuck, which is not the same as a port that could not be reached.
      add(
        anyAnswered ? 'warning' : 'error',
        acceptedThenSilent(port) ? 'no-greeting' : 'port-timeout',
        port,
      );
      break;
    case 'unreachable':
      add(anyAnswered ? 'warning' : 'error', 'port-unreachable', port, detail);
      break;
    case 'closed':
      add('warning', 'port-closed', port);
      break;
    case 'tls-error':
      if (port.error === 'plaintext-on-tls-port') add('error', 'plaintext-on-tls-port', port);
      else if (port.security === 'tls') add('error', 'protocol-error', port, detail);
      else add('error', 'starttls-failed', port, detail);
      break;
    case 'protocol-error':
      if (port.error === 'tls-on-plain-port') add('warning', 'tls-on-plain-port', port);
      else if (port.error === 'wrong-protocol') {
        const actual = recogniseGreeting(port.greeting ?? '') ?? '?';
        add('error', 'wrong-protocol', port, { expected: port.protocol, actual });
      } else add('error', 'protocol-error', port, detail);
      break;
    case 'ok':
      break;
  }
  if (port.security === 'plain' && port.status === 'ok' && port.starttlsOffered === false) {
    add('warning', 'starttls-missing', port);
  }
  if (port.authBeforeTls && port.security !== 'tls') {
    // Worse when the port has no way to encrypt the password at all.
    add(port.security === 'starttls' ? 'warning' : 'error', 'auth-before-tls', port);
  }
}

function certificateFindings(port: PortResult, tls: TlsFacts, now: Date, add: Add): void {
  const cert = tls.certificate;
  if (tls.version && OUTDATED_TLS.has(tls.version)) {
    add('warning', 'tls-outdated', port, { version: tls.version });
  }
  if (!cert) return;
  const left = daysUntil(cert.validTo, now);
  const expired = left < 0 || tls.error === 'CERT_HAS_EXPIRED';
  const notYet =
    new Date(cert.validFrom).getTime() > now.getTime() || tls.error === 'CERT_NOT_YET_VALID';
  if (expired) {
    add('error', 'cert-expired', port, {
      days: Math.max(0, -left),
      date: cert.validTo.slice(0, 10),
    });
  }
  if (!expired && left <= CERT_EXPIRY_WARNING_DAYS) {
    add('warning', 'cert-expiring-soon', port, { days: left, date: cert.validTo.slice(0, 10) });
  }
  if (notYet) add('error', 'cert-not-yet-valid', port, { date: cert.validFrom.slice(0, 10) });
  if (!tls.hostnameMatch) {
    add('error', 'cert-hostname-mismatch', port, {
      names: cert.altNames.join(', ') || cert.subject,
    });
  }
  if (!tls.trusted && !EXPIRY_ERRORS.has(tls.error ?? '')) {
    add('error', 'cert-untrusted', port, { reason: tls.error ?? '' });
  }
  if (cert.selfSigned) add(tls.trusted ? 'info' : 'warning', 'cert-self-signed', port);
}

/** The TCP connection was made, then nothing came back in time. */
export function acceptedThenSilent(port: PortResult): boolean {
  return (
    port.status === 'timeout' &&
    port.error !== 'connect-timeout' &&
    port.timing?.connectMs !== undefined
  );
}

/** Whether a client could log in on the connection as probed (after TLS where it was used). */
function offersLogin(port: PortResult): boolean {
  if (port.auth.length > 0) return true;
  if (port.protocol === 'imap') return !port.capabilities.includes('LOGINDISABLED');
  if (port.protocol === 'pop3')
    return port.capabilities.some((c) => c === 'USER' || c.startsWith('USER '));
  return false;
}

/** No port of this service works with TLS, but at least one works without. */
function plaintextOnly(ports: readonly PortResult[], protocol: Protocol, add: Add): void {
  const mine = ports.filter((p) => p.protocol === protocol);
  const plain = mine.filter((p) => p.status === 'ok' && p.security === 'plain');
  const secure = mine.filter(
    (p) => p.tls !== null && (p.status === 'ok' || p.error === 'tls-on-plain-port'),
  );
  const first = plain[0];
  if (first && secure.length === 0) add('error', 'plaintext-only', first, { protocol });
}
