/**
 * MTA-STS (RFC 8461) and TLS reporting (RFC 8460). MTA-STS: the `_mta-sts` TXT record
 * (`v=STSv1; id=...`), then the policy from `https://mta-sts.<domain>/.well-known/mta-sts.txt`
 * through discovery's bounded fetch (deadline, size cap, no redirects: §3.3 forbids following
 * them), its `version`, `mode`, `max_age` and `mx` lines, and whether those patterns cover every
 * real MX host. TLS-RPT: the `_smtp._tls` TXT record (`v=TLSRPTv1; rua=...`).
 */
import type { HealthFinding, HealthRecord } from '../../../shared/health.ts';
import type { DiscoveryDns } from '../discover/types.ts';
import { fetchDocument } from '../discover/http-fetch.ts';
import type { HealthDns } from './dns.ts';
import { finding } from './findings.ts';
import { parseTagList } from './tags.ts';

/** RFC 8461 §3.2: policies are small; 64 KiB is the bound the RFC suggests. */
export const MAX_POLICY_BYTES = 64 * 1024;

export interface MtaStsPolicy {
  mode: string;
  mx: string[];
  maxAge: number;
}

export interface MtaStsResult {
  records: HealthRecord[];
  findings: HealthFinding[];
  mode: string | null;
}

export interface FetchSettings {
  dns: DiscoveryDns;
  ca?: string[];
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Parses a policy body (§3.2): `key: value` lines, CRLF or LF. */
export function parseMtaStsPolicy(
  body: string,
): { ok: true; policy: MtaStsPolicy } | { ok: false; reason: string } {
  const fields = new Map<string, string[]>();
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { ok: false, reason: `line: ${line.slice(0, 60)}` };
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    fields.set(key, [...(fields.get(key) ?? []), value]);
  }
  if (fields.get('version')?.[0] !== 'STSv1') return { ok: false, reason: 'version' };
  const mode = fields.get('mode')?.[0] ?? '';
  if (!['enforce', 'testing', 'none'].includes(mode)) return { ok: false, reason: `mode: ${mode}` };
  const maxAgeText = fields.get('max_age')?.[0] ?? '';
  if (!/^\d{1,10}$/.test(maxAgeText) || Number(maxAgeText) > 31_557_600) {
    return { ok: false, reason: `max_age: ${maxAgeText}` };
  }
  const mx = (fields.get('mx') ?? []).map((m) => m.toLowerCase().replace(/\.$/, ''));
  if (mode !== 'none' && mx.length === 0) return { ok: false, reason: 'mx' };
  return { ok: true, policy: { mode, mx, maxAge: Number(maxAgeText) } };
}

/** §4.1: a pattern is a host name or `*.` plus a suffix matching exactly one more label. */
export function mxMatches(pattern: string, host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (!pattern.startsWith('*.')) return pattern === name;
  const suffix = pattern.slice(1);
  return (
    name.endsWith(suffix) &&
    !name.slice(0, -suffix.length).includes('.') &&
    name.length > suffix.length
  );
}

export async function checkMtaSts(
  dns: HealthDns,
  domain: string,
  mxHosts: readonly string[],
  fetch: FetchSettings,
): Promise<MtaStsResult> {
  const name = `_mta-sts.${domain}`;
  const answer = await dns.txt(name);
  const txt = answer.ok ? answer.value.filter((r) => /^v=STSv1\s*(;|$)/.test(r.trim())) : [];
  const records = txt.map((value): HealthRecord => ({
    check: 'mta-sts',
    name,
    type: 'TXT',
    value,
  }));
  if (txt.length === 0)
    return {
      records,
      findings: [finding('mta-sts', 'info', 'mta-sts-missing', { name })],
      mode: null,
    };
  const record = txt[0] as string;
  const tags = parseTagList(record);
  const id = tags.ok ? tags.tags.get('id') : undefined;
  if (txt.length > 1 || !tags.ok || !id || !/^[A-Za-z0-9]{1,32}$/.test(id)) {
    return {
      records,
      findings: [finding('mta-sts', 'error', 'mta-sts-syntax', { name }, txt.join(' | '))],
      mode: null,
    };
  }
  const url = `https://mta-sts.${domain}/.well-known/mta-sts.txt`;
  const fetched = await fetchDocument(url, {
    ...fetch,
    maxBytes: MAX_POLICY_BYTES,
    maxRedirects: 0,
    trustDomain: null,
    headers: { accept: 'text/plain' },
  });
  if (!fetched.ok || fetched.value.status !== 200) {
    const reason = fetched.ok
      ? `HTTP ${fetched.value.status}`
      : `${fetched.error}${fetched.detail ? ` (${fetched.detail})` : ''}`;
    return {
      records,
      findings: [finding('mta-sts', 'error', 'mta-sts-policy-unreachable', { url, reason })],
      mode: null,
    };
  }
  const body = fetched.value.body;
  records.push({ check: 'mta-sts', name: url, type: 'HTTPS', value: body.trim() });
  const contentType = fetched.value.contentType.split(';')[0]?.trim();
  const parsed = parseMtaStsPolicy(body);
  if (!parsed.ok || contentType !== 'text/plain') {
    const reason = parsed.ok ? `content-type ${contentType ?? ''}` : parsed.reason;
    return {
      records,
      findings: [
        finding('mta-sts', 'error', 'mta-sts-policy-invalid', { url, reason }, body.trim()),
      ],
      mode: null,
    };
  }
  const { policy } = parsed;
  const findings: HealthFinding[] = [];
  if (policy.mode === 'testing')
    findings.push(finding('mta-sts', 'info', 'mta-sts-testing', { url }));
  if (policy.mode === 'none')
    findings.push(finding('mta-sts', 'warning', 'mta-sts-mode-none', { url }));
  if (policy.mode !== 'none') {
    for (const host of mxHosts) {
      if (!policy.mx.some((p) => mxMatches(p, host))) {
        findings.push(
          finding(
            'mta-sts',
            policy.mode === 'enforce' ? 'error' : 'warning',
            'mta-sts-mx-not-covered',
            { host, patterns: policy.mx.join(', ') },
            body.trim(),
          ),
        );
      }
    }
  }
  return { records, findings, mode: policy.mode };
}

export async function checkTlsRpt(
  dns: HealthDns,
  domain: string,
  hasMtaSts: boolean,
): Promise<{ records: HealthRecord[]; findings: HealthFinding[] }> {
  const name = `_smtp._tls.${domain}`;
  const answer = await dns.txt(name);
  const txt = answer.ok ? answer.value.filter((r) => /^v=TLSRPTv1\s*(;|$)/.test(r.trim())) : [];
  const records = txt.map((value): HealthRecord => ({
    check: 'tls-rpt',
    name,
    type: 'TXT',
    value,
  }));
  if (txt.length === 0) {
    return {
      records,
      findings: [finding('tls-rpt', hasMtaSts ? 'warning' : 'info', 'tls-rpt-missing', { name })],
    };
  }
  const record = txt[0] as string;
  const tags = parseTagList(record);
  const rua = tags.ok ? tags.tags.get('rua') : undefined;
  const valid =
    txt.length === 1 &&
    rua !== undefined &&
    rua.split(',').every((u) => /^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/i.test(u.trim()));
  return {
    records,
    findings: valid
      ? []
      : [finding('tls-rpt', 'error', 'tls-rpt-syntax', { name }, txt.join(' | '))],
  };
}
