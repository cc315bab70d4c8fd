/**
 * The DKIM check: the key records at the provider's documented selectors, a few common ones and
 * any the helpdesk names. Each key found must parse; RSA under 1024 bits is an error (RFC 8301
 * §3.2: verifiers must not accept them), under 2048 a warning; an empty `p=` is a revoked key.
 * For a provider that documents its keys verbatim, the published key must be that key.
 */
import type { HealthFinding, HealthRecord, RecordToPublish } from '../../../shared/health.ts';
import type { ProviderDns } from '../../../shared/providers/types.ts';
import type { HealthDns } from './dns.ts';
import { looksLikeDkim, parseDkimKey } from './dkim-key.ts';
import { finding } from './findings.ts';

/** Selectors widely used by hosters and mail software; asked besides the provider's own. */
export const COMMON_DKIM_SELECTORS = [
  'default',
  'dkim',
  'mail',
  'selector1',
  'selector2',
  'google',
  'k1',
  's1',
  's2',
  'key1',
] as const;
/** Selectors asked at most (a helpdesk list cannot turn a check into a flood). */
export const MAX_DKIM_SELECTORS = 24;

const SELECTOR = /^[A-Za-z0-9_-]{1,63}(\.[A-Za-z0-9_-]{1,63})*$/;

export function validSelector(selector: string): boolean {
  return SELECTOR.test(selector) && selector.length <= 200;
}

export interface DkimResult {
  records: HealthRecord[];
  findings: HealthFinding[];
  toPublish: RecordToPublish[];
}

/** The `p=` of a record, without whitespace, for comparing a published key with a documented one. */
function keyOf(record: string): string {
  return /(?:^|;)\s*p\s*=([^;]*)/i.exec(record)?.[1]?.replace(/\s+/g, '') ?? '';
}

export function selectorsToAsk(dns: ProviderDns | undefined, extra: readonly string[]): string[] {
  const all = [...(dns?.dkimSelectors ?? []), ...extra, ...COMMON_DKIM_SELECTORS];
  return [...new Set(all.map((s) => s.toLowerCase()).filter(validSelector))].slice(
    0,
    MAX_DKIM_SELECTORS,
  );
}

export async function checkDkim(
  dns: HealthDns,
  domain: string,
  provider: { dns?: ProviderDns; name: string } | undefined,
  extra: readonly string[],
): Promise<DkimResult> {
  const selectors = selectorsToAsk(provider?.dns, extra);
  const documented = new Set(provider?.dns?.dkimSelectors ?? []);
  const named = new Set(extra.map((s) => s.toLowerCase()));
  const answers = await Promise.all(
    selectors.map(async (selector) => ({
      selector,
      answer: await dns.txt(`${selector}._domainkey.${domain}`),
    })),
  );
  const result: DkimResult = { records: [], findings: [], toPublish: [] };
  let found = 0;
  for (const { selector, answer } of answers) {
    const name = `${selector}._domainkey.${domain}`;
    const keys = answer.ok ? answer.value.filter(looksLikeDkim) : [];
    const expected = provider?.dns?.dkimRecords?.[selector];
    if (keys.length === 0) {
      if (documented.has(selector)) {
        result.findings.push(
          finding('dkim', expected ? 'error' : 'warning', 'dkim-provider-key-missing', {
            selector,
            name,
          }),
        );
        if (expected)
          result.toPublish.push({ type: 'TXT', name: `${selector}._domainkey`, value: expected });
      } else if (named.has(selector)) {
        result.findings.push(finding('dkim', 'warning', 'dkim-missing', { selectors: selector }));
      }
      continue;
    }
    found++;
    for (const record of keys) {
      result.records.push({ check: 'dkim', name, type: 'TXT', value: record });
      const key = parseDkimKey(record);
      const params = { selector, name };
      if (!key.ok) {
        result.findings.push(
          finding('dkim', 'error', 'dkim-key-invalid', { ...params, reason: key.reason }, record),
        );
        continue;
      }
      if (key.type === 'revoked') {
        result.findings.push(finding('dkim', 'warning', 'dkim-key-revoked', params, record));
      } else if (key.type === 'rsa' && key.bits < 1024) {
        result.findings.push(
          finding('dkim', 'error', 'dkim-rsa-weak', { ...params, bits: key.bits }, record),
        );
      } else if (key.type === 'rsa' && key.bits < 2048) {
        result.findings.push(
          finding('dkim', 'warning', 'dkim-rsa-short', { ...params, bits: key.bits }, record),
        );
      }
      if (key.testing)
        result.findings.push(finding('dkim', 'info', 'dkim-testing', params, record));
      if (expected && keyOf(expected) !== key.key) {
        result.findings.push(finding('dkim', 'error', 'dkim-key-mismatch', params, record));
        result.toPublish.push({ type: 'TXT', name: `${selector}._domainkey`, value: expected });
      }
    }
  }
  const providerMissing = result.findings.some((f) => f.code === 'dkim-provider-key-missing');
  if (found === 0 && !providerMissing && named.size === 0) {
    result.findings.push(
      finding('dkim', 'warning', 'dkim-missing', { selectors: selectors.join(', ') }),
    );
  }
  return result;
}
