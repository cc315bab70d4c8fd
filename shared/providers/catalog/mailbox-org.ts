/**
 * mailbox.org, and domains whose mailboxes PlentyONE set up at mailbox.org.
 * Sources: the mailbox.org knowledge base (e-mail configuration, app passwords, sender
 * restriction) and PlentyONE's manual "Managing mailboxes" (seed pages).
 */
import type { Provider, ProviderDns } from '../types.ts';
import { defineProvider, dnsRecordsOf, guide, server, sharedGuide } from './build.ts';

const KB = 'https://kb.mailbox.org/en/private';

const INCOMING = [
  server('imap', 'imap.mailbox.org', 993, 'tls'),
  server('imap', 'imap.mailbox.org', 143, 'starttls'),
  server('pop3', 'pop3.mailbox.org', 995, 'tls'),
];
const OUTGOING = [
  server('smtp', 'smtp.mailbox.org', 465, 'tls'),
  server('smtp', 'smtp.mailbox.org', 587, 'starttls'),
];

const APP_PASSWORD = guide('mailbox-org', 'app-password', 4, {
  url: `${KB}/security-and-privacy/e-mail-password`,
  // German: the knowledge base's own German overview of 2FA, app passwords and mail app passwords
  // (kb.mailbox.org/de/privat/..., "Zugangssicherheit bei mailbox - 2FA, Login 2.0,
  // App-Passwörter und E-Mail Passwörter"), which links the German step-by-step guides.
  localUrls: {
    de: 'https://kb.mailbox.org/de/privat/sicherheit-und-privatsphaere/zugangssicherheit-bei-mailbox-2FA-login-app-passwoerter-und-e-mail-passwoerter',
  },
});
const SENDER_RULE = guide('mailbox-org', 'sender-rule', 3, {
  url: 'https://kb.mailbox.org/en/business/e-mail-article/sending-e-mails-with-non-registered-mailaddresses-sender-address-rejected-not-owned-by-user',
});

/*
 * What a domain whose mailboxes live at mailbox.org publishes. The DKIM keys (selectors mbo0001
 * and mbo0002) are the ones PlentyONE's manual prints for its shops; the SPF value is cut off in
 * the stored copy of that page, so the include is mailbox.org's documented one
 * (`include:mailbox.org`, not verified against the PlentyONE page). The PlentyONE DNS guide and
 * the domain health checks both read MAILBOX_ORG_DNS.
 */
const DKIM_1 =
  'v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA2K4PavXoNY8eGK2u61LIQlOHS8f5sWsCK5b+HMOfo0M+aNHwfqlVdzi/IwmYnuDKuXYuCllrgnxZ4fG4yVaux58v9grVsFHdzdjPlAQfp5rkiETYpCMZwgsmdseJ4CoZaosPHLjPumFE/Ua2WAQQljnunsM9TONM9L6KxrO9t5IISD1XtJb0bq1lVI/e72k3mnPd/q77qzhTDmwN4TSNJZN8sxzUJx9HNSMRRoEIHSDLTIJUK+Up8IeCx0B7CiOzG5w/cHyZ3AM5V8lkqBaTDK46AwTkTVGJf59QxUZArG3FEH5vy9HzDmy0tGG+053/x4RqkhqMg5/ClDm+lpZqWwIDAQAB';
const DKIM_2 =
  'v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqxEKIg2c48ecfmy/+rj35sBOhdfIYGNDCMeHy0b36DX6MNtS7zA/VDR2q5ubtHzraL5uUGas8kb/33wtrWFYxierLRXy12qj8ItdYCRugu9tXTByEED05WdBtRzJmrb8YBMfeK0E0K3wwoWfhIk/wzKbjMkbqYBOTYLlIcVGQWzOfN7/n3n+VChfu6sGFK3k2qrJNnw22iFy4C8Ks7j77+tCpm0PoUwA2hOdLrRw3ldx2E9PH0GVwIMJRgekY6cS7DrbHrj/AeGlwfwwCSi9T23mYvc79nVrh2+82ZqmkpZSTD2qq+ukOkyjdRuUPck6e2b+x141Nzd81dIZVfOEiwIDAQAB';

export const MAILBOX_ORG_DNS: ProviderDns = {
  spfInclude: 'mailbox.org',
  dkimSelectors: ['mbo0001', 'mbo0002'],
  dkimRecords: { mbo0001: DKIM_1, mbo0002: DKIM_2 },
};

export const MAILBOX_ORG: Provider = defineProvider({
  id: 'mailbox-org',
  name: 'mailbox.org',
  domains: ['mailbox.org', 'secure.mailbox.org'],
  // Custom domains hosted at mailbox.org point their MX at mxext1/2/3.mailbox.org.
  mxPatterns: ['mailbox.org'],
  incoming: INCOMING,
  outgoing: OUTGOING,
  auth: { appPassword: 'with-2fa' },
  helpUrl: `${KB}/e-mail/e-mail-configuration`,
  dns: MAILBOX_ORG_DNS,
  appPasswordUrl: `${KB}/security-and-privacy/e-mail-password`,
  guides: [sharedGuide('username-full', 'username-form', 1), APP_PASSWORD, SENDER_RULE],
});

export const PLENTYONE: Provider = defineProvider({
  id: 'plentyone',
  name: 'PlentyONE (mailbox.org)',
  domains: [],
  // The PlentyONE manual's table of mail.<your domain> servers (993/995 SSL, 587 "SSL/TLS",
  // STARTTLS on 143/110/25) describes its own e-mail accounts assistant; the mailbox.org host
  // names are used here because their certificates match (the service note says so).
  // Same MX as any mailbox.org-hosted domain: an MX lookup alone cannot tell the two apart, so
  // this entry is offered next to mailbox.org (see findProvidersByMx), never instead of it.
  mxPatterns: ['mailbox.org'],
  hostedBy: 'mailbox-org',
  dns: MAILBOX_ORG_DNS,
  incoming: INCOMING,
  outgoing: OUTGOING,
  auth: { appPassword: 'with-2fa' },
  appPasswordUrl: `${KB}/security-and-privacy/e-mail-password`,
  notes: ['plentyone.service-note.title'],
  guides: [
    guide('plentyone', 'service-note', 3),
    sharedGuide('username-full', 'username-form', 1),
    guide('plentyone', 'mailbox-password', 3),
    APP_PASSWORD,
    SENDER_RULE,
    guide('plentyone', 'dns-records', 6, { records: dnsRecordsOf(MAILBOX_ORG_DNS) }),
  ],
});
