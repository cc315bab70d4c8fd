/**
 * Reads a Thunderbird autoconfig document (clientConfig v1.1) into candidates. Whitelist reader:
 * only known elements are read, every value is sanitised, one bad server is skipped rather than
 * failing the file, placeholders are substituted in hostnames and usernames before validation.
 */
import type { Element } from '@xmldom/xmldom';
import { substitutePlaceholders, type ParsedAddress } from '../../../shared/address.ts';
import { loginMethodOf } from '../../../shared/auth-method.ts';
import type {
  Candidate,
  EnableStep,
  NetworkLevel,
  Protocol,
  SourceName,
} from '../../../shared/model.ts';
import {
  cleanAuth,
  cleanHostname,
  cleanPort,
  cleanProtocol,
  cleanSocketType,
  cleanText,
  cleanUrl,
  cleanUsername,
} from './sanitize.ts';
import { child, childText, children, isNamed, parseXml } from './xml.ts';
import type { Found, Outcome } from './types.ts';

export interface Provenance {
  source: SourceName;
  /** The URL the document came from (`origin` of each candidate). */
  origin: string;
  trusted: boolean;
  /** The network level of the document's source (see Candidate.network). */
  network?: NetworkLevel;
}

/** More servers than this in one document is not a mail setup; the rest is ignored. */
export const MAX_SERVERS_PER_SIDE = 20;

/** Settings the incoming side may use; outgoing must be SMTP. */
const INCOMING: ReadonlySet<Protocol> = new Set(['imap', 'pop3']);

function readServer(
  server: Element,
  side: 'incoming' | 'outgoing',
  address: ParsedAddress,
  provenance: Provenance,
): Candidate | null {
  const protocol = cleanProtocol(server.getAttribute('type'));
  if (!protocol) return null;
  if (side === 'incoming' ? !INCOMING.has(protocol) : protocol !== 'smtp') return null;
  const fill = (text: string | null): string | null =>
    text === null ? null : substitutePlaceholders(text, address);
  const host = cleanHostname(fill(childText(server, 'hostname')));
  const port = cleanPort(childText(server, 'port'));
  // socketType may repeat; the first one we understand counts.
  const security =
    children(server, 'socketType')
      .map((element) => cleanSocketType(element.textContent))
      .find((value) => value !== null) ?? null;
  if (!host || !port || !security) return null;
  const auth = children(server, 'authentication')
    .map((element) => cleanAuth(element.textContent))
    .filter((value): value is string => value !== null);
  // A missing or empty <username> means the usual one: the full address.
  const usernameText = childText(server, 'username') || '%EMAILADDRESS%';
  const username = cleanUsername(fill(usernameText));
  if (username === null) return null;
  // OAuth2 alone: kept as an oauth2 candidate, never offered for a password login.
  const authMethod = loginMethodOf(auth);
  return {
    protocol,
    host,
    port,
    security,
    username,
    ...(authMethod ? { authMethod } : {}),
    auth: [...new Set(auth)],
    source: provenance.source,
    origin: provenance.origin,
    trusted: provenance.trusted,
    ...(provenance.network ? { network: provenance.network } : {}),
  };
}

/** Parses an autoconfig document; `no-usable-settings` when no valid server remains. */
export function parseAutoconfig(
  text: string,
  address: ParsedAddress,
  provenance: Provenance,
): Outcome<Found> {
  const parsed = parseXml(text);
  if (!parsed.ok) return parsed;
  const root = parsed.value;
  if (!isNamed(root, 'clientConfig')) {
    return { ok: false, error: 'xml-invalid', detail: 'root is not clientConfig' };
  }
  const provider = child(root, 'emailProvider');
  if (!provider) return { ok: false, error: 'xml-invalid', detail: 'no emailProvider' };
  const incoming = children(provider, 'incomingServer')
    .map((server) => readServer(server, 'incoming', address, provenance))
    .filter((candidate): candidate is Candidate => candidate !== null)
    .slice(0, MAX_SERVERS_PER_SIDE);
  const outgoing = children(provider, 'outgoingServer')
    .map((server) => readServer(server, 'outgoing', address, provenance))
    .filter((candidate): candidate is Candidate => candidate !== null)
    .slice(0, MAX_SERVERS_PER_SIDE);
  // Without an incoming server we can set up (e.g. only Exchange/EWS), the document does not
  // count as found: the lower sources go on.
  if (incoming.length === 0) {
    return {
      ok: false,
      error: 'no-usable-settings',
      ...(outgoing.length > 0 ? { detail: 'no-incoming' } : {}),
    };
  }
  const enable = enableSteps([...children(provider, 'enable'), ...children(root, 'enable')]);
  return { ok: true, value: { incoming, outgoing, ...(enable.length ? { enable } : {}) } };
}

/** Longest instruction kept from a document (a sentence, not a page). */
const MAX_INSTRUCTION = 300;

/** `<enable visiturl>` elements as steps: a valid http(s) URL, the English (or first) instruction. */
function enableSteps(elements: readonly Element[]): EnableStep[] {
  const steps: EnableStep[] = [];
  for (const element of elements.slice(0, 4)) {
    const url = cleanUrl(element.getAttribute('visiturl'));
    if (!url || steps.some((step) => step.url === url)) continue;
    const instructions = children(element, 'instruction');
    const english =
      instructions.find((i) => /^en\b/i.test(i.getAttribute('lang') ?? 'en')) ?? instructions[0];
    const instruction = cleanText(english?.textContent ?? '', MAX_INSTRUCTION);
    steps.push({ url, ...(instruction ? { instruction } : {}) });
  }
  return steps;
}
