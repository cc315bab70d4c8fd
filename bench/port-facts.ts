/**
 * The facts both probers report for a host, in one comparable shape: which ports are open and,
 * per port, the certificate's subject, issuer, validity, names and SHA-256 fingerprint. One side
 * comes from nmap's XML output (`-oX`), the other from `mailsetup probe --json`.
 */
import { X509Certificate } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';

export interface CertFacts {
  subject: string;
  issuer: string;
  /** ISO 8601 to the second, without milliseconds or zone ('2026-11-20T06:24:41'). */
  validFrom: string;
  validTo: string;
  altNames: string[];
  sha256: string;
}

export interface PortFacts {
  port: number;
  open: boolean;
  cert: CertFacts | null;
}

/** XML numeric character references (nmap writes the PEM's dashes and newlines as `&#45;`/`&#xa;`). */
function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)));
}

interface XmlElem {
  key?: string;
  '#text'?: string | number;
}
interface XmlTable {
  key?: string;
  elem?: XmlElem[];
  table?: XmlTable[];
}
interface XmlScript extends XmlTable {
  id: string;
}
interface XmlPort {
  portid: string | number;
  state?: { state?: string };
  script?: XmlScript[];
}

const elemText = (node: XmlTable | undefined, key: string): string | undefined => {
  const found = node?.elem?.find((e) => e.key === key)?.['#text'];
  return found === undefined ? undefined : decodeEntities(String(found));
};
const tableOf = (node: XmlTable | undefined, key: string): XmlTable | undefined =>
  node?.table?.find((t) => t.key === key);

/** Reads the ports of the first host in nmap's XML report. */
export function nmapPortFacts(xml: string): PortFacts[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    processEntities: false,
    isArray: (name) => ['host', 'port', 'script', 'table', 'elem'].includes(name),
  });
  const doc = parser.parse(xml) as {
    nmaprun?: { host?: Array<{ ports?: { port?: XmlPort[] } }> };
  };
  const ports = doc.nmaprun?.host?.[0]?.ports?.port ?? [];
  return ports.map((p) => {
    const script = p.script?.find((s) => s.id === 'ssl-cert');
    return {
      port: Number(p.portid),
      open: p.state?.state === 'open',
      cert: script ? nmapCert(script) : null,
    };
  });
}

function nmapCert(script: XmlScript): CertFacts | null {
  const pem = elemText(script, 'pem');
  if (!pem) return null;
  const validity = tableOf(script, 'validity');
  const san = tableOf(script, 'extensions')?.table?.find(
    (t) => elemText(t, 'name') === 'X509v3 Subject Alternative Name',
  );
  return {
    subject: `CN=${elemText(tableOf(script, 'subject'), 'commonName') ?? ''}`,
    issuer: `CN=${elemText(tableOf(script, 'issuer'), 'commonName') ?? ''}`,
    validFrom: elemText(validity, 'notBefore') ?? '',
    validTo: elemText(validity, 'notAfter') ?? '',
    altNames: (elemText(san, 'value') ?? '')
      .split(/,\s*/)
      .filter((n) => n.startsWith('DNS:'))
      .map((n) => n.slice(4)),
    // nmap prints MD5 and SHA-1 only; the SHA-256 comes from the PEM it returned.
    sha256: new X509Certificate(pem).fingerprint256,
  };
}

interface ProbeJsonPort {
  port: number;
  status: string;
  tls: {
    certificate: {
      subject: string;
      issuer: string;
      validFrom: string;
      validTo: string;
      altNames: string[];
      sha256: string;
    } | null;
  } | null;
}

/** Statuses that mean "nothing accepted the TCP connection". */
const CLOSED = new Set(['refused', 'unreachable']);

/** Reads the ports of `mailsetup probe --json`. */
export function probePortFacts(json: string): PortFacts[] {
  const report = JSON.parse(json) as { ports: ProbeJsonPort[] };
  return report.ports.map((p) => {
    const c = p.tls?.certificate;
    return {
      port: p.port,
      open: !CLOSED.has(p.status),
      cert: c
        ? {
            subject: firstCn(c.subject),
            issuer: firstCn(c.issuer),
            validFrom: c.validFrom.slice(0, 19),
            validTo: c.validTo.slice(0, 19),
            altNames: c.altNames,
            sha256: c.sha256,
          }
        : null,
    };
  });
}

/** nmap shows the common name only; keep the CN part of our distinguished name. */
function firstCn(dn: string): string {
  const cn = /(?:^|[,\n/]\s*)CN=([^,\n/]*)/.exec(dn);
  return cn ? `CN=${cn[1]}` : dn;
}

/** Differences between the two views, as readable lines; empty when they agree. */
export function compareFacts(ours: PortFacts[], theirs: PortFacts[]): string[] {
  const problems: string[] = [];
  const ports = [...new Set([...ours, ...theirs].map((p) => p.port))].sort((a, b) => a - b);
  for (const port of ports) {
    const a = ours.find((p) => p.port === port);
    const b = theirs.find((p) => p.port === port);
    if (!a || !b) {
      problems.push(`port ${port}: reported by ${a ? 'mailsetup' : 'nmap'} only`);
      continue;
    }
    if (a.open !== b.open) problems.push(`port ${port}: open ${a.open} vs nmap ${b.open}`);
    if (!a.cert || !b.cert) {
      if (a.cert || b.cert) problems.push(`port ${port}: certificate seen by one side only`);
      continue;
    }
    for (const key of ['subject', 'issuer', 'validFrom', 'validTo', 'sha256'] as const) {
      if (a.cert[key] !== b.cert[key]) {
        problems.push(`port ${port}: ${key} ${a.cert[key]} vs nmap ${b.cert[key]}`);
      }
    }
    if ([...a.cert.altNames].sort().join() !== [...b.cert.altNames].sort().join()) {
      problems.push(`port ${port}: names differ`);
    }
  }
  return problems;
}
