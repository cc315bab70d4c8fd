/**
 * What the lab's DNS server (dnsmasq) answers: A, MX and SRV records for the test domains, built
 * from the names in topology.ts. Tests may import this table to know what to expect.
 */
import { HEALTH_A_RECORDS, HEALTH_MX_RECORDS, HEALTH_TXT_RECORDS } from './health-records.ts';
import { LAB_DOMAINS, LAB_HOSTS, LAB_MX, LAB_WEB } from './topology.ts';

export type { TxtRecord } from './health-records.ts';

export interface ARecord {
  name: string;
  address: string;
}
export interface MxRecord {
  name: string;
  exchange: string;
  priority: number;
}
/** An SRV record; `target` '.' means "service not offered" (RFC 2782, RFC 6186 §3). */
export interface SrvRecord {
  name: string;
  target: string;
  port: number;
  priority: number;
  weight: number;
}

const good = LAB_HOSTS.good.address;
const web = LAB_WEB.address;

/** The hosts of a well-known provider that `mxonly.test` points at; all served by `good`. */
export const MAILBOX_ORG_HOSTS = [
  'imap.mailbox.org',
  'smtp.mailbox.org',
  'pop3.mailbox.org',
  'mxext1.mailbox.org',
] as const;

/**
 * Built-in providers' hosts and an unknown hoster's names the customer domains lead to, all served
 * by `good` (its certificate carries them, GOOD_CERT_NAMES).
 */
export const PROVIDER_LAB_HOSTS = [
  LAB_MX.runbox,
  'mail.runbox.com',
  LAB_MX.onoffice,
  'imap.onoffice.de',
  'pop3.onoffice.de',
  'smtp.onoffice.de',
  LAB_MX.plentyone,
  LAB_MX.unknownHoster,
  'imap.hoster.test',
  'smtp.hoster.test',
] as const;

/** The all-stall domain's names: every one on the tarpit (silent) host. */
export const STALL_HOSTS = ['imap', 'smtp', 'mail'].map((p) => `${p}.${LAB_DOMAINS.allStall}`);

/** Domains whose autoconfig (and bare name) are served by the lab's web server. */
const WEB_DOMAINS = [
  LAB_DOMAINS.good,
  LAB_DOMAINS.autoconfigOnly,
  LAB_DOMAINS.httpOnly,
  LAB_DOMAINS.hostile,
  LAB_DOMAINS.oauthDoc,
  LAB_DOMAINS.exchangeOnly,
] as const;

export const A_RECORDS: readonly ARecord[] = [
  ...Object.values(LAB_HOSTS).map((h) => ({ name: h.name, address: h.address })),
  ...['imap', 'pop3', 'smtp'].map((p) => ({ name: `${p}.${LAB_DOMAINS.good}`, address: good })),
  ...MAILBOX_ORG_HOSTS.map((name) => ({ name, address: good })),
  ...['imap', 'smtp', 'mail'].map((p) => ({
    name: `${p}.${LAB_DOMAINS.guessOnly}`,
    address: good,
  })),
  ...WEB_DOMAINS.flatMap((d) => [
    { name: `autoconfig.${d}`, address: web },
    { name: d, address: web },
  ]),
  { name: `autodiscover.${LAB_DOMAINS.autodiscoverOnly}`, address: web },
  ...HEALTH_A_RECORDS,
  ...PROVIDER_LAB_HOSTS.map((name) => ({ name, address: good })),
  ...[...STALL_HOSTS, LAB_DOMAINS.allStall].map((name) => ({
    name,
    address: LAB_HOSTS.silent.address,
  })),
];

export const MX_RECORDS: readonly MxRecord[] = [
  { name: LAB_DOMAINS.good, exchange: LAB_HOSTS.good.name, priority: 10 },
  { name: LAB_DOMAINS.mxOnly, exchange: 'mxext1.mailbox.org', priority: 10 },
  { name: LAB_DOMAINS.plain, exchange: LAB_HOSTS.plain.name, priority: 10 },
  ...HEALTH_MX_RECORDS,
  { name: LAB_DOMAINS.runboxCustomer, exchange: LAB_MX.runbox, priority: 10 },
  { name: LAB_DOMAINS.onofficeCustomer, exchange: LAB_MX.onoffice, priority: 10 },
  { name: LAB_DOMAINS.plentyoneCustomer, exchange: LAB_MX.plentyone, priority: 10 },
  { name: LAB_DOMAINS.unknownHoster, exchange: LAB_MX.unknownHoster, priority: 10 },
  { name: LAB_DOMAINS.allStall, exchange: `mail.${LAB_DOMAINS.allStall}`, priority: 10 },
];

/** TXT records (SPF, DKIM, DMARC, MTA-STS, TLS-RPT) of the domain health cases. */
export const TXT_RECORDS = HEALTH_TXT_RECORDS;

const srv = (service: string, port: number, target: string = LAB_HOSTS.good.name): SrvRecord => ({
  name: `${service}._tcp.${LAB_DOMAINS.srvOnly}`,
  target,
  port,
  priority: 0,
  weight: target === '.' ? 0 : 1,
});

/** The Exchange-only document's domain: its IMAP/SMTP servers come from SRV, a lower source. */
const exchangeOnlySrv = (service: string, port: number): SrvRecord => ({
  ...srv(service, port),
  name: `${service}._tcp.${LAB_DOMAINS.exchangeOnly}`,
});

export const SRV_RECORDS: readonly SrvRecord[] = [
  exchangeOnlySrv('_imaps', 993),
  exchangeOnlySrv('_submissions', 465),
  srv('_imaps', 993),
  srv('_imap', 143),
  srv('_pop3s', 995),
  srv('_submissions', 465),
  srv('_submission', 587),
  srv('_pop3', 0, '.'),
];

/** Zones dnsmasq is authoritative-ish for: unknown names there get NXDOMAIN, never forwarded. */
export const LOCAL_ZONES = ['test', 'mailbox.org', 'runbox.com', 'onoffice.de'] as const;
