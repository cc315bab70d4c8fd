/**
 * `mailsetup health` against the lab's health domains (test/lab/health-records.ts): one test per
 * case, each asserting the exact finding codes and the values found (records as published, counts,
 * key sizes, dates). The lab's dnsmasq answers the TXT records, the lab web server serves the
 * MTA-STS policy over https, Postfix answers on port 25 of each MX host.
 */
import { describe, expect, inject, it } from 'vitest';
import { main } from '../../electron/cli/main.ts';
import { MAILBOX_ORG_DNS } from '../../shared/providers/catalog/mailbox-org.ts';
import { captureIo, labCliArgs } from '../helpers/cli-io.ts';
import {
  EXPIRING_CERT_DAYS,
  HEALTH_DOMAINS as H,
  HELPDESK_SELECTOR,
  LAB_DKIM_KEYS,
} from '../lab/health-records.ts';
import { LAB_HOSTS } from '../lab/topology.ts';

const lab = inject('lab');

interface Finding {
  code: string;
  severity: string;
  check: string;
  params: Record<string, string | number>;
  record?: string;
  message: string;
  fix: string;
}
interface Report {
  domain: string;
  provider: string | null;
  mx: string[];
  records: Array<{ check: string; name: string; type: string; value: string }>;
  findings: Finding[];
  toPublish: Array<{ type: string; name: string; value: string }>;
  dnsQueries: number;
}

async function health(
  target: string,
  ...extra: string[]
): Promise<{ code: number; report: Report }> {
  const io = captureIo();
  const code = await main(['health', target, '--json', ...extra, ...labCliArgs(lab)], io);
  expect(io.err()).toBe('');
  return { code, report: JSON.parse(io.out()) as Report };
}

const codes = (report: Report): string[] => report.findings.map((f) => f.code).sort();
const found = (report: Report, check: string): string[] =>
  report.records.filter((r) => r.check === check).map((r) => r.value);
const byCode = (report: Report, code: string): Finding => {
  const hit = report.findings.find((f) => f.code === code);
  expect(hit, code).toBeDefined();
  return hit as Finding;
};

describe('mailsetup health against the lab', () => {
  it('healthy.test: SPF, DKIM, DMARC reject, MTA-STS enforce, TLS-RPT - no finding, exit 0', async () => {
    const { code, report } = await health(`anna@${H.healthy}`);
    expect(codes(report)).toEqual([]);
    expect(code).toBe(0);
    expect(report.mx).toEqual([LAB_HOSTS.good.name]);
    expect(found(report, 'spf')).toEqual(['v=spf1 mx -all']);
    expect(found(report, 'dkim')).toEqual([`v=DKIM1; k=rsa; p=${LAB_DKIM_KEYS.rsa2048}`]);
    expect(found(report, 'dmarc')).toEqual(['v=DMARC1; p=reject; rua=mailto:dmarc@healthy.test']);
    const sts = report.records.filter((r) => r.check === 'mta-sts');
    expect(sts.map((r) => r.type)).toEqual(['TXT', 'HTTPS']);
    expect(sts[1]?.name).toBe(`https://mta-sts.${H.healthy}/.well-known/mta-sts.txt`);
    expect(sts[1]?.value).toContain('mode: enforce');
    expect(found(report, 'tls-rpt')).toEqual(['v=TLSRPTv1; rua=mailto:tls-reports@healthy.test']);
    expect(report.dnsQueries).toBeGreaterThan(10);
  });

  it('shop.test (PlentyONE at mailbox.org): include:mailbox.org and both catalogue DKIM keys match', async () => {
    const { code, report } = await health(H.shop);
    expect(report.provider).toBe('mailbox-org');
    expect(codes(report)).toEqual(['mta-sts-missing', 'tls-rpt-missing']);
    expect(report.findings.every((f) => f.severity === 'info')).toBe(true);
    expect(code).toBe(0);
    expect(found(report, 'spf')).toEqual(['v=spf1 include:mailbox.org ~all']);
    expect(found(report, 'dkim').sort()).toEqual(
      Object.values(MAILBOX_ORG_DNS.dkimRecords ?? {}).sort(),
    );
    expect(report.toPublish).toEqual([]);
  });

  it('bareshop.test (PlentyONE, nothing published): the exact records to enter, from the catalogue', async () => {
    const { code, report } = await health(H.bareShop, '--provider', 'plentyone');
    expect(code).toBe(1);
    expect(report.provider).toBe('plentyone');
    expect(codes(report)).toEqual([
      'dkim-provider-key-missing',
      'dkim-provider-key-missing',
      'dmarc-missing',
      'mta-sts-missing',
      'spf-missing',
      'tls-rpt-missing',
    ]);
    expect(byCode(report, 'spf-missing').severity).toBe('error');
    expect(report.toPublish).toEqual([
      { type: 'TXT', name: '@', value: 'v=spf1 include:mailbox.org ~all' },
      { type: 'TXT', name: 'mbo0001._domainkey', value: MAILBOX_ORG_DNS.dkimRecords?.mbo0001 },
      { type: 'TXT', name: 'mbo0002._domainkey', value: MAILBOX_ORG_DNS.dkimRecords?.mbo0002 },
    ]);
    const text = captureIo();
    await main(['health', H.bareShop, '--provider', 'plentyone', ...labCliArgs(lab)], text);
    expect(text.out()).toContain('Setup » Assistants » Basic setup » Domains');
    expect(text.out()).toContain(`mbo0001._domainkey: ${MAILBOX_ORG_DNS.dkimRecords?.mbo0001}`);
  });

  it('nospf.test: no SPF (error), no DKIM and no DMARC (warnings), exit 1', async () => {
    const { code, report } = await health(H.noSpf);
    expect(code).toBe(1);
    expect(codes(report)).toEqual([
      'dkim-missing',
      'dmarc-missing',
      'mta-sts-missing',
      'spf-missing',
      'tls-rpt-missing',
    ]);
    expect(byCode(report, 'spf-missing').severity).toBe('error');
    expect(byCode(report, 'dmarc-missing').params.name).toBe(`_dmarc.${H.noSpf}`);
    expect(report.records.map((r) => r.check)).toEqual(['mx']);
  });

  it('twospf.test: two v=spf1 records are a permerror, both shown as found', async () => {
    const { code, report } = await health(H.twoSpf);
    expect(code).toBe(1);
    const multiple = byCode(report, 'spf-multiple');
    expect(multiple.severity).toBe('error');
    expect(multiple.params.count).toBe(2);
    expect(found(report, 'spf').sort()).toEqual(['v=spf1 ip4:127.0.10.1 ~all', 'v=spf1 mx -all']);
    expect(codes(report).filter((c) => c.startsWith('spf-'))).toEqual(['spf-multiple']);
  });

  it('manyspf.test: includes needing more than 10 lookups are a permerror with the count', async () => {
    const { code, report } = await health(H.manySpf);
    expect(code).toBe(1);
    const many = byCode(report, 'spf-too-many-lookups');
    expect(many.severity).toBe('error');
    // include a (1) + a mx ptr (3), b (5..8), c (9..12), d (13): counting stops past the limit.
    expect(many.params).toMatchObject({ count: 13, limit: 10 });
    expect(codes(report).filter((c) => c.startsWith('spf-'))).toEqual(['spf-too-many-lookups']);
  });

  it('baddmarc.test: p=block is an error, pct=150 a syntax error, no rua a warning', async () => {
    const { code, report } = await health(H.badDmarc);
    expect(code).toBe(1);
    expect(codes(report).filter((c) => c.startsWith('dmarc-'))).toEqual([
      'dmarc-bad-policy',
      'dmarc-no-rua',
      'dmarc-syntax',
    ]);
    expect(byCode(report, 'dmarc-bad-policy')).toMatchObject({
      severity: 'error',
      params: { value: 'block' },
      record: 'v=DMARC1; p=block; pct=150',
    });
    expect(byCode(report, 'dmarc-syntax').params.term).toBe('pct=150');
  });

  it('weakdkim.test: 512-bit RSA is an error, 1024 a warning; --dkim-selector finds an Ed25519 key', async () => {
    const plain = await health(H.weakDkim);
    expect(plain.code).toBe(1);
    expect(codes(plain.report).filter((c) => c.startsWith('dkim-'))).toEqual([
      'dkim-rsa-short',
      'dkim-rsa-weak',
    ]);
    expect(byCode(plain.report, 'dkim-rsa-weak').params).toMatchObject({
      selector: 's1',
      bits: 512,
    });
    expect(byCode(plain.report, 'dkim-rsa-short')).toMatchObject({
      severity: 'warning',
      params: { selector: 's2', bits: 1024 },
    });
    expect(found(plain.report, 'dkim')).toHaveLength(2);

    const named = await health(H.weakDkim, '--dkim-selector', HELPDESK_SELECTOR);
    const keys = named.report.records.filter((r) => r.check === 'dkim');
    expect(keys.map((r) => r.name)).toContain(`${HELPDESK_SELECTOR}._domainkey.${H.weakDkim}`);
    expect(codes(named.report).filter((c) => c.startsWith('dkim-'))).toEqual([
      'dkim-rsa-short',
      'dkim-rsa-weak',
    ]);
  });

  it('expiring.test: the MX host certificate ends in a few days - a warning with the date', async () => {
    const { code, report } = await health(H.expiring);
    const soon = byCode(report, 'cert-expiring-soon');
    expect(soon).toMatchObject({ severity: 'warning', check: 'certificates' });
    expect(soon.params).toMatchObject({ host: LAB_HOSTS.expiring.name, port: 25 });
    expect(Number(soon.params.days)).toBeGreaterThanOrEqual(EXPIRING_CERT_DAYS - 1);
    expect(Number(soon.params.days)).toBeLessThanOrEqual(EXPIRING_CERT_DAYS);
    const date = new Date(Date.now() + EXPIRING_CERT_DAYS * 86_400_000).toISOString().slice(0, 10);
    expect(soon.params.date).toBe(date);
    expect(soon.message).toContain(date);
    // Everything else of the domain is in order: the warning alone gives exit 0.
    expect(
      codes(report).filter(
        (c) => !c.startsWith('mta-sts') && !c.startsWith('tls-rpt') && c !== 'dkim-missing',
      ),
    ).toEqual(['cert-expiring-soon']);
    expect(code).toBe(0);
  });

  it('probe of the expiring host: cert-expiring-soon on every TLS port', async () => {
    const io = captureIo();
    await main(['probe', LAB_HOSTS.expiring.name, '--json', ...labCliArgs(lab)], io);
    const probe = JSON.parse(io.out()) as { findings: Array<{ code: string; port?: number }> };
    const ports = probe.findings.filter((f) => f.code === 'cert-expiring-soon').map((f) => f.port);
    expect(ports.sort((a, b) => Number(a) - Number(b))).toEqual([25, 110, 143, 465, 587, 993, 995]);
  });
});
