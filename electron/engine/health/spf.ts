/**
 * The SPF check (RFC 7208): exactly one `v=spf1` record; its syntax; the DNS-querying terms
 * (include, a, mx, ptr, exists, redirect) counted through every include and redirect — over 10 is
 * a permerror (§4.6.4) — with a budget so a loop or a huge tree cannot run away; an include whose
 * target publishes no SPF record (a permerror too, §5.2); `+all` / `?all`; and, for a known
 * provider, whether its required include is reached.
 */
import type { HealthFinding, HealthRecord } from '../../../shared/health.ts';
import type { HealthDns } from './dns.ts';
import { finding, type Params } from './findings.ts';
import { isSpfRecord, LOOKUP_MECHANISMS, parseSpf, type SpfTerm } from './spf-parse.ts';

/** RFC 7208 §4.6.4. */
export const SPF_LOOKUP_LIMIT = 10;
/** Records fetched at most while counting (the root included): past the limit the answer is known. */
const FETCH_BUDGET = SPF_LOOKUP_LIMIT + 2;

export interface SpfResult {
  records: HealthRecord[];
  findings: HealthFinding[];
  /** Lookups counted (stops one past the limit). */
  lookups: number;
}

interface Walk {
  lookups: number;
  fetched: number;
  includes: Set<string>;
  findings: HealthFinding[];
}

function lower(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/** Follows one include/redirect target: its single SPF record, counted and walked. */
async function follow(dns: HealthDns, target: string, walk: Walk, via: string): Promise<void> {
  if (walk.lookups > SPF_LOOKUP_LIMIT || walk.fetched >= FETCH_BUDGET) return;
  // A macro target depends on the message; it counts, but cannot be followed here.
  if (target.includes('%')) return;
  walk.fetched++;
  const answer = await dns.txt(target);
  if (!answer.ok) {
    walk.findings.push(
      finding('spf', 'warning', 'spf-lookup-failed', { name: target, reason: answer.code }),
    );
    return;
  }
  const spf = answer.value.filter(isSpfRecord);
  if (spf.length !== 1) {
    walk.findings.push(
      finding('spf', 'error', 'spf-include-missing', { target, via, count: spf.length }),
    );
    return;
  }
  const parsed = parseSpf(spf[0] as string);
  if (!parsed.ok) {
    walk.findings.push(
      finding('spf', 'error', 'spf-syntax', { term: parsed.term, name: target }, spf[0]),
    );
    return;
  }
  await count(dns, parsed.terms, walk, target);
}

async function count(
  dns: HealthDns,
  terms: readonly SpfTerm[],
  walk: Walk,
  name: string,
): Promise<void> {
  const hasAll = terms.some((t) => t.kind === 'mechanism' && t.name === 'all');
  for (const term of terms) {
    if (term.kind === 'mechanism' && LOOKUP_MECHANISMS.has(term.name)) {
      walk.lookups++;
      if (term.name === 'include') {
        walk.includes.add(lower(term.value));
        await follow(dns, term.value, walk, name);
      }
    } else if (term.kind === 'modifier' && term.name === 'redirect') {
      walk.lookups++;
      // §6.1: redirect is ignored when the record has an `all`.
      if (!hasAll) {
        walk.includes.add(lower(term.value));
        await follow(dns, term.value, walk, name);
      }
    }
  }
}

export async function checkSpf(
  dns: HealthDns,
  domain: string,
  requiredInclude: string | undefined,
): Promise<SpfResult> {
  const answer = await dns.txt(domain);
  if (!answer.ok) {
    return {
      records: [],
      findings: [
        finding('spf', 'warning', 'spf-lookup-failed', { name: domain, reason: answer.code }),
      ],
      lookups: 0,
    };
  }
  const spf = answer.value.filter(isSpfRecord);
  const records = spf.map((value): HealthRecord => ({
    check: 'spf',
    name: domain,
    type: 'TXT',
    value,
  }));
  const include: Params = requiredInclude ? { include: requiredInclude } : {};
  if (spf.length === 0) {
    return {
      records,
      findings: [finding('spf', 'error', 'spf-missing', { domain, ...include })],
      lookups: 0,
    };
  }
  if (spf.length > 1) {
    return {
      records,
      findings: [
        finding('spf', 'error', 'spf-multiple', { domain, count: spf.length }, spf.join(' | ')),
      ],
      lookups: 0,
    };
  }
  const record = spf[0] as string;
  const parsed = parseSpf(record);
  if (!parsed.ok) {
    return {
      records,
      findings: [
        finding('spf', 'error', 'spf-syntax', { term: parsed.term, name: domain }, record),
      ],
      lookups: 0,
    };
  }
  const walk: Walk = { lookups: 0, fetched: 1, includes: new Set(), findings: [] };
  await count(dns, parsed.terms, walk, domain);
  const findings = [...walk.findings];
  if (walk.lookups > SPF_LOOKUP_LIMIT) {
    findings.push(
      finding(
        'spf',
        'error',
        'spf-too-many-lookups',
        { count: walk.lookups, limit: SPF_LOOKUP_LIMIT },
        record,
      ),
    );
  }
  const all = parsed.terms.find((t) => t.kind === 'mechanism' && t.name === 'all');
  const redirect = parsed.terms.some((t) => t.kind === 'modifier' && t.name === 'redirect');
  if (all?.kind === 'mechanism' && all.qualifier === '+') {
    findings.push(finding('spf', 'error', 'spf-all-pass', { term: all.text }, record));
  } else if (all?.kind === 'mechanism' && all.qualifier === '?') {
    findings.push(finding('spf', 'warning', 'spf-all-neutral', { term: all.text }, record));
  } else if (!all && !redirect) {
    findings.push(finding('spf', 'warning', 'spf-no-all', {}, record));
  }
  if (
    requiredInclude &&
    !walk.includes.has(lower(requiredInclude)) &&
    walk.lookups <= SPF_LOOKUP_LIMIT
  ) {
    findings.push(
      finding('spf', 'error', 'spf-provider-include-missing', { include: requiredInclude }, record),
    );
  }
  return { records, findings, lookups: walk.lookups };
}
