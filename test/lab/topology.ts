/**
 * The lab's map: which loopback address plays which server, which test domains dnsmasq answers
 * for, and which users exist. Everything here is on 127.0.0.0/8 and under the reserved `.test`
 * TLD (RFC 2606), so nothing can leak to the internet. Tests, the lab scripts and the benchmarks all
 * read this one file instead of repeating addresses.
 */

/** dnsmasq listens here; pass it to the engine as `--dns 127.0.0.1:5353`. */
export const LAB_DNS = { host: '127.0.0.1', port: 5353 } as const;

/** Mail hosts. Each has its own loopback address so all of them can use the standard ports. */
export const LAB_HOSTS = {
  /** Dovecot IMAP 993/143, POP3 995/110; Postfix 465/587/25; certificate valid for its names. */
  good: { name: 'mail.good.test', address: '127.0.10.1' },
  /** Same services, certificate expired. */
  expired: { name: 'mail.expired.test', address: '127.0.10.2' },
  /** Same services, certificate for another name (other.test). */
  wrongName: { name: 'mail.wrongname.test', address: '127.0.10.3' },
  /** Same services, self-signed certificate (not from the lab CA). */
  selfSigned: { name: 'mail.selfsigned.test', address: '127.0.10.4' },
  /** No TLS at all: IMAP 143, POP3 110, SMTP 25/587 plain with AUTH offered. */
  plain: { name: 'mail.plain.test', address: '127.0.10.5' },
  /** Accepts TCP connections on every standard port and never sends a byte. */
  silent: { name: 'silent.test', address: '127.0.10.6' },
  /** Nothing listens: every port refuses. */
  closed: { name: 'closed.test', address: '127.0.10.7' },
  /** Same services as `good`, certificate from the lab CA but valid only from two days ahead. */
  notYetValid: { name: 'mail.notyetvalid.test', address: '127.0.10.8' },
  /**
   * Everything a careful client trips over, certificate from the lab CA: 465 speaks nothing newer
   * than TLS 1.1, 587 offers no STARTTLS (and no AUTH) although 465 has TLS, 25 offers a STARTTLS
   * whose handshake cannot complete (anonymous ciphers only), 993 answers plaintext IMAP, 143
   * implicit-TLS IMAP, 110 SMTP instead of POP3; 995 refuses.
   */
  legacy: { name: 'mail.legacy.test', address: '127.0.10.9' },
  /** Same services as `good`, certificate from the lab CA that ends in a few days (domain health). */
  expiring: { name: 'mail.expiring.test', address: '127.0.10.16' },
} as const;

/** The HTTPS/HTTP server for autoconfig and Autodiscover documents (ports 443 and 80). */
export const LAB_WEB = { address: '127.0.20.1' } as const;

/**
 * Names the valid lab certificate (host `good`) carries, so discovery results that point at
 * well-known provider names can be served by the lab through dnsmasq.
 */
export const GOOD_CERT_NAMES = [
  'mail.good.test',
  'imap.good.test',
  'pop3.good.test',
  'smtp.good.test',
  'good.test',
  '*.guessonly.test',
  'guessonly.test',
  'imap.mailbox.org',
  'pop3.mailbox.org',
  'smtp.mailbox.org',
  'mxext1.mailbox.org',
  // Built-in providers' own hosts that the customer domains below lead to (dnsmasq maps them).
  'mail.runbox.com',
  'imap.onoffice.de',
  'pop3.onoffice.de',
  'smtp.onoffice.de',
  // The unknown hoster's names that guessing under its domain finds.
  'imap.hoster.test',
  'smtp.hoster.test',
] as const;

/** Test domains and what discovery should find for each. */
export const LAB_DOMAINS = {
  /** A/MX records; autoconfig served over https; mail at mail.good.test. */
  good: 'good.test',
  /** Only RFC 6186/8314 SRV records (_imaps._tcp, _submissions._tcp, ...) pointing at mail.good.test. */
  srvOnly: 'srvonly.test',
  /** Only https autoconfig at autoconfig.autoconfig.test. */
  autoconfigOnly: 'autoconfig.test',
  /** Only an MX pointing at a known provider's MX (mailbox.org); dnsmasq maps its hosts to `good`. */
  mxOnly: 'mxonly.test',
  /** Autoconfig served only over plain http: untrusted. */
  httpOnly: 'httponly.test',
  /** Nothing but A records for imap./smtp. names: only guessing finds it. */
  guessOnly: 'guessonly.test',
  /** Autoconfig that is hostile: huge body, entity bomb, bad values. */
  hostile: 'hostile.test',
  /** Only Outlook Autodiscover (POX) at autodiscover.autodiscover.test. */
  autodiscoverOnly: 'autodiscover.test',
  /** Plaintext-only mail host. */
  plain: 'plain.test',
  /** Only an MX at Runbox's MX host (mx.runbox.com): a Runbox customer's own domain. */
  runboxCustomer: 'runbox-customer.test',
  /** Only an MX at onOffice's MX host (mx.onoffice.de): an estate agent's own domain. */
  onofficeCustomer: 'makler.test',
  /** Only an MX at mailbox.org (mxext2), the mailboxes PlentyONE created there: a shop's domain. */
  plentyoneCustomer: 'plentyshop.test',
  /** Only an MX at a hoster we do not know (mx1.hoster.test); imap./smtp.hoster.test exist. */
  unknownHoster: 'hosted.test',
  /** imap./smtp./mail. names and the domain itself on the tarpit host (accepts, never answers). */
  allStall: 'stall.test',
  /** Autoconfig with an OAuth2-only IMAP server, a password one and an `<enable>` element. */
  oauthDoc: 'oauthdoc.test',
  /** Autoconfig with only an Exchange incoming server; SRV records give the IMAP server. */
  exchangeOnly: 'exchangeonly.test',
} as const;

/** The MX hosts the customer domains point at (what built-in knowledge recognises, or not). */
export const LAB_MX = {
  runbox: 'mx.runbox.com',
  onoffice: 'mx.onoffice.de',
  plentyone: 'mxext2.mailbox.org',
  unknownHoster: 'mx1.hoster.test',
} as const;

/**
 * The ports of a TLS-capable lab host where a password login works, with how each is secured
 * (port 25 is left out: Postfix offers no AUTH there).
 */
export const LAB_LOGIN_PORTS: ReadonlyArray<
  readonly ['imap' | 'pop3' | 'smtp', number, 'tls' | 'starttls']
> = [
  ['imap', 993, 'tls'],
  ['imap', 143, 'starttls'],
  ['pop3', 995, 'tls'],
  ['pop3', 110, 'starttls'],
  ['smtp', 465, 'tls'],
  ['smtp', 587, 'starttls'],
];

/** Users known to Dovecot (and Postfix SASL through it). Passwords are lab-only. */
export const LAB_USERS = {
  /** Logs in with the full address everywhere. May send only as alice@good.test. */
  alice: { address: 'alice@good.test', username: 'alice@good.test', password: 'alice-Secret-1' },
  /** Logs in with the local part only; the full address fails. */
  bob: { address: 'bob@good.test', username: 'bob', password: 'bob-Secret-2' },
  /** Every login is refused with an "application-specific password required" reason. */
  carol: {
    address: 'carol@good.test',
    username: 'carol@good.test',
    password: 'carol-Secret-3',
    /** The app password she creates for mail programs: it logs in everywhere. */
    appPassword: 'carol-App-Password-7',
  },
  /** A user on the plaintext-only host. */
  dave: { address: 'dave@plain.test', username: 'dave@plain.test', password: 'dave-Secret-4' },
  /** A shop domain hosted at mailbox.org (`mxonly.test`): logs in with the full address. */
  anna: { address: 'anna@mxonly.test', username: 'anna@mxonly.test', password: 'anna-Secret-5' },
  /** An own domain whose only server (`mail.expired.test`, found by guessing) has an expired
   * certificate. */
  erin: { address: 'erin@expired.test', username: 'erin@expired.test', password: 'erin-Secret-6' },
  /** An address at the never-answering `silent.test` whose mailbox is at mailbox.org (the lab's
   * good host): found only by picking the provider from the list. */
  pia: { address: 'pia@silent.test', username: 'pia@silent.test', password: 'pia-Secret-8' },
} as const;

/**
 * Mailboxes at the customer domains (Dovecot users, served by `good`). Each logs in only with the
 * username its provider documents: Runbox own domains `local%domain`, the others the address.
 */
export const LAB_CUSTOMERS = {
  runbox: {
    address: 'anna@runbox-customer.test',
    username: 'anna%runbox-customer.test',
    password: 'anna-Secret-5',
  },
  onoffice: {
    address: 'otto@makler.test',
    username: 'otto@makler.test',
    password: 'otto-Secret-6',
  },
  mailboxOrg: { address: 'max@mxonly.test', username: 'max@mxonly.test', password: 'max-Secret-7' },
  plentyone: {
    address: 'paula@plentyshop.test',
    username: 'paula@plentyshop.test',
    password: 'paula-Secret-8',
  },
  unknownHoster: {
    address: 'hanna@hosted.test',
    username: 'hanna@hosted.test',
    password: 'hanna-Secret-9',
  },
} as const;

/** Text of the refusal carol gets; the classifier must map it to `app-password-required`. */
export const APP_PASSWORD_REASON = 'Application-specific password required';
