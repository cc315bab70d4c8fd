/**
 * The DMARC check (RFC 7489): the `_dmarc` record (at the domain, else at its organisational
 * domain, §6.6.3), exactly one; `v=DMARC1` first; `p=` one of none/quarantine/reject (anything
 * else, or none at all, is an error: receivers then fall back to no policy); `sp`, `adkim`, `aspf`,
 * `pct`, `rua`/`ruf` values; the policy's strength; whether reports are asked for.
 */
import { getDomain } from 'tldts';
import type { HealthFinding, HealthRecord } from '../../../shared/health.ts';
import type { HealthDns } from './dns.ts';
import { finding } from './findings.ts';
import { parseTagList } from './tags.ts';

const POLICIES = new Set(['none', 'quarantine', 'reject']);
const ALIGNMENT = new Set(['r', 's']);

export interface DmarcResult {
  records: HealthRecord[];
  findings: HealthFinding[];
  /** The policy in force, when the record is usable. */
  policy: string | null;
}

function isDmarc(text: string): boolean {
  return /^v\s*=\s*DMARC1\s*(;|$)/i.test(text.trim());
}

function validUris(value: string): boolean {
  return value
    .split(',')
    .map((u) => u.trim())
    .every((u) => /^mailto:[^\s@]+@[^\s@]+\.[^\s@!]+(![0-9]+[kmgt]?)?$/i.test(u));
}

/** The tag whose value is malformed, if any (p is judged on its own). */
function badTag(tags: Map<string, string>): string | null {
  const sp = tags.get('sp');
  if (sp !== undefined && !POLICIES.has(sp.toLowerCase())) return `sp=${sp}`;
  for (const name of ['adkim', 'aspf']) {
    const v = tags.get(name);
    if (v !== undefined && !ALIGNMENT.has(v.toLowerCase())) return `${name}=${v}`;
  }
  const pct = tags.get('pct');
  if (pct !== undefined && (!/^\d{1,3}$/.test(pct) || Number(pct) > 100)) return `pct=${pct}`;
  for (const name of ['rua', 'ruf']) {
    const v = tags.get(name);
    if (v !== undefined && !validUris(v)) return `${name}=${v}`;
  }
  return null;
}

async function lookup(
  dns: HealthDns,
  domain: string,
): Promise<{ name: string; records: string[] } | { error: string; name: string }> {
  const name = `_dmarc.${domain}`;
  const answer = await dns.txt(name);
  if (!answer.ok) return { error: answer.code, name };
  const records = answer.value.filter(isDmarc);
  if (records.length > 0) return { name, records };
  const organisational = getDomain(domain);
  if (!organisational || organisational === domain) return { name, records };
  const parent = await dns.txt(`_dmarc.${organisational}`);
  const inherited = parent.ok ? parent.value.filter(isDmarc) : [];
  return inherited.length > 0
    ? { name: `_dmarc.${organisational}`, records: inherited }
    : { name, records };
}

export async function checkDmarc(dns: HealthDns, domain: string): Promise<DmarcResult> {
  const found = await lookup(dns, domain);
  if ('error' in found) {
    return {
      records: [],
      findings: [
        finding('dmarc', 'warning', 'dmarc-lookup-failed', {
          name: found.name,
          reason: found.error,
        }),
      ],
      policy: null,
    };
  }
  const records = found.records.map((value): HealthRecord => ({
    check: 'dmarc',
    name: found.name,
    type: 'TXT',
    value,
  }));
  if (found.records.length === 0) {
    return {
      records,
      findings: [finding('dmarc', 'warning', 'dmarc-missing', { name: found.name })],
      policy: null,
    };
  }
  if (found.records.length > 1) {
    const joined = found.records.join(' | ');
    return {
      records,
      findings: [
        finding('dmarc', 'error', 'dmarc-multiple', { count: found.records.length }, joined),
      ],
      policy: null,
    };
  }
  const record = found.records[0] as string;
  const list = parseTagList(record);
  if (!list.ok || list.order[0] !== 'v') {
    const part = list.ok ? (list.order[0] ?? '') : list.part.trim();
    return {
      records,
      findings: [finding('dmarc', 'error', 'dmarc-syntax', { term: part }, record)],
      policy: null,
    };
  }
  const findings: HealthFinding[] = [];
  const tags = list.tags;
  const p = tags.get('p');
  const policy = p?.toLowerCase();
  if (policy === undefined || !POLICIES.has(policy)) {
    findings.push(finding('dmarc', 'error', 'dmarc-bad-policy', { value: p ?? '' }, record));
  } else if (policy === 'none') {
    findings.push(finding('dmarc', 'warning', 'dmarc-policy-none', {}, record));
  }
  const bad = badTag(tags);
  if (bad) findings.push(finding('dmarc', 'error', 'dmarc-syntax', { term: bad }, record));
  const pct = tags.get('pct');
  if (pct !== undefined && /^\d+$/.test(pct) && Number(pct) < 100 && policy !== 'none') {
    findings.push(finding('dmarc', 'info', 'dmarc-partial', { pct: Number(pct) }, record));
  }
  if (!tags.has('rua')) findings.push(finding('dmarc', 'warning', 'dmarc-no-rua', {}, record));
  return {
    records,
    findings,
    policy: policy !== undefined && POLICIES.has(policy) ? policy : null,
  };
}
