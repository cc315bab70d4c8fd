/**
 * The lab's domains for the domain health checks (`mailsetup health`): the TXT records (SPF,
 * DKIM, DMARC, MTA-STS, TLS-RPT) and MX of each case, and the public DKIM keys they publish
 * (fixed here, so a test knows the values; no lab server signs with them). dns-records.ts adds
 * these to what dnsmasq answers; the MTA-STS policy is a static file of the lab web server
 * (`web/mta-sts.healthy.test/.well-known/mta-sts.txt`).
 */
import { MAILBOX_ORG_DNS } from '../../shared/providers/catalog/mailbox-org.ts';
import { LAB_HOSTS, LAB_WEB } from './topology.ts';

export interface TxtRecord {
  name: string;
  value: string;
}

/** The health cases, by what each one shows. */
export const HEALTH_DOMAINS = {
  /** SPF, DKIM (2048-bit), DMARC p=reject, MTA-STS enforce with its policy, TLS-RPT: no problem. */
  healthy: 'healthy.test',
  /** A PlentyONE-style shop at mailbox.org: MX mxext1.mailbox.org, the catalogue's SPF and DKIM. */
  shop: 'shop.test',
  /** A PlentyONE-style shop at mailbox.org that published nothing yet. */
  bareShop: 'bareshop.test',
  /** MX only: no SPF, no DKIM, no DMARC. */
  noSpf: 'nospf.test',
  /** Two v=spf1 records. */
  twoSpf: 'twospf.test',
  /** An SPF record whose includes need more than 10 DNS lookups. */
  manySpf: 'manyspf.test',
  /** A DMARC record with an invalid policy and pct. */
  badDmarc: 'baddmarc.test',
  /** DKIM keys of 512 and 1024 bits, and an Ed25519 key at a selector only the helpdesk knows. */
  weakDkim: 'weakdkim.test',
  /** MX host whose certificate expires in a few days. */
  expiring: 'expiring.test',
} as const;

/** Days until the `expiring` host's certificate ends (certs.ts signs it so). */
export const EXPIRING_CERT_DAYS = 3;

/** RSA 2048, 1024 and 512-bit public keys (SubjectPublicKeyInfo, base64) and an Ed25519 key. */
export const LAB_DKIM_KEYS = {
  rsa2048: [
    'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAnx/ev0+Weh3SKmNtxgXPn8895tH0cSPb',
    'TTjBRmBWiC2TqrxYMLMbnTZ+kWaUMhXGQpu8my9MCryAewSH0qjTe3oJl/mkXK8J6ADFvYhC1sua',
    'Md9fW9Qa9O2IIj4F4WKoSckWu+BV0rc6payHeyDqST6Tdo3lwuQcfocqhzu66LTYhET3T+op40Wp',
    'V3mHgs2uMOPcgElVJIqBwZ9LbA+uyqdfELnHq9JhuAWBzkh1uQ7NlJt0YEBQPF9NCTcDdV6zxRmz',
    'z6RDX9a56Da1gWysjpcSZKKmSn1HgOQLTbLPn+F2wUQjav4hM4DZNycIJwZ5N63+V6SsJaw2lea1',
    'RM1QeQIDAQAB',
  ].join(''),
  rsa1024: [
    'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC8ZySmXm1u7K2nLZKbl+PVSpYOiKXt9/i1F2NN',
    'rbk5VjgsoHJyJVvuJQHhM2WAvx5C6GD/p9HEQ4CaLC9de+0ZehbifPYGs5SxGgPX5SnQEwiCeMx4',
    'Ra0b2BT9xBBtZnld7HFsIb7+4GRu/1lzGoYDQqwrnl5JQO8JCyDBwKq2GwIDAQAB',
  ].join(''),
  rsa512:
    'MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBALZ2PXwdEwwknnVo9s+IREUgzFFzT9LIh4Zu74haB7O3YwP4ZOEb1YjetiyDhp73gJkuMPVAQyIK4VmxFlXrr5cCAwEAAQ==',
  ed25519: 'Jc2yGQ4G+otU3CbdKlMBxbmYzMcThPFEXDPffGcEdFM=',
} as const;

/** The selector only the helpdesk knows (asked with --dkim-selector). */
export const HELPDESK_SELECTOR = 'custom2026';

/** The includes of manyspf.test: each adds `a mx ptr` (three lookups) to its own one. */
export const MANY_SPF_INCLUDES = ['a', 'b', 'c', 'd'].map((label) => `${label}.manyspf.test`);

const H = HEALTH_DOMAINS;
const dkim = (key: string, type = 'rsa'): string => `v=DKIM1; k=${type}; p=${key}`;
const shopDkim = MAILBOX_ORG_DNS.dkimRecords ?? {};

export const HEALTH_TXT_RECORDS: readonly TxtRecord[] = [
  { name: H.healthy, value: 'v=spf1 mx -all' },
  { name: H.healthy, value: 'google-site-verification=lab-not-spf' },
  { name: `default._domainkey.${H.healthy}`, value: dkim(LAB_DKIM_KEYS.rsa2048) },
  { name: `_dmarc.${H.healthy}`, value: 'v=DMARC1; p=reject; rua=mailto:dmarc@healthy.test' },
  { name: `_mta-sts.${H.healthy}`, value: 'v=STSv1; id=20261203' },
  { name: `_smtp._tls.${H.healthy}`, value: 'v=TLSRPTv1; rua=mailto:tls-reports@healthy.test' },
  // The stand-in for mailbox.org's own SPF record, which the shops include.
  { name: 'mailbox.org', value: `v=spf1 ip4:${LAB_HOSTS.good.address} -all` },
  { name: H.shop, value: `v=spf1 include:${MAILBOX_ORG_DNS.spfInclude ?? ''} ~all` },
  ...Object.entries(shopDkim).map(([selector, value]) => ({
    name: `${selector}._domainkey.${H.shop}`,
    value,
  })),
  { name: `_dmarc.${H.shop}`, value: 'v=DMARC1; p=quarantine; rua=mailto:dmarc@shop.test' },
  { name: H.twoSpf, value: 'v=spf1 mx -all' },
  { name: H.twoSpf, value: 'v=spf1 ip4:127.0.10.1 ~all' },
  { name: `_dmarc.${H.twoSpf}`, value: 'v=DMARC1; p=reject; rua=mailto:dmarc@twospf.test' },
  {
    name: H.manySpf,
    value: `v=spf1 ${MANY_SPF_INCLUDES.map((d) => `include:${d}`).join(' ')} -all`,
  },
  ...MANY_SPF_INCLUDES.map((name) => ({ name, value: 'v=spf1 a mx ptr ~all' })),
  { name: `_dmarc.${H.manySpf}`, value: 'v=DMARC1; p=reject; rua=mailto:dmarc@manyspf.test' },
  { name: H.badDmarc, value: 'v=spf1 mx -all' },
  { name: `_dmarc.${H.badDmarc}`, value: 'v=DMARC1; p=block; pct=150' },
  { name: H.weakDkim, value: 'v=spf1 mx -all' },
  { name: `s1._domainkey.${H.weakDkim}`, value: dkim(LAB_DKIM_KEYS.rsa512) },
  { name: `s2._domainkey.${H.weakDkim}`, value: dkim(LAB_DKIM_KEYS.rsa1024) },
  {
    name: `${HELPDESK_SELECTOR}._domainkey.${H.weakDkim}`,
    value: dkim(LAB_DKIM_KEYS.ed25519, 'ed25519'),
  },
  { name: `_dmarc.${H.weakDkim}`, value: 'v=DMARC1; p=reject; rua=mailto:dmarc@weakdkim.test' },
  { name: H.expiring, value: 'v=spf1 mx -all' },
  { name: `_dmarc.${H.expiring}`, value: 'v=DMARC1; p=reject; rua=mailto:dmarc@expiring.test' },
];

export const HEALTH_MX_RECORDS = [
  ...[H.healthy, H.noSpf, H.twoSpf, H.manySpf, H.badDmarc, H.weakDkim].map((name) => ({
    name,
    exchange: LAB_HOSTS.good.name,
    priority: 10,
  })),
  { name: H.shop, exchange: 'mxext1.mailbox.org', priority: 10 },
  { name: H.bareShop, exchange: 'mxext1.mailbox.org', priority: 10 },
  { name: H.expiring, exchange: LAB_HOSTS.expiring.name, priority: 10 },
] as const;

/** The MTA-STS policy host, served by the lab web server with the lab web certificate. */
export const MTA_STS_HOSTS = [`mta-sts.${H.healthy}`] as const;

export const HEALTH_A_RECORDS = MTA_STS_HOSTS.map((name) => ({ name, address: LAB_WEB.address }));
