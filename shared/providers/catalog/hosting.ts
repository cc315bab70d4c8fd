/**
 * Web hosters whose customers' own domains are recognised by MX: STRATO and Hetzner (konsoleH).
 * Sources: Thunderbird ISPDB (strato.de, hetzner.de), FairEmail providers.xml (mx patterns),
 * Hetzner docs on mailboxes. Neither documents app passwords for mail.
 */
import type { Provider } from '../types.ts';
import { defineProvider, guide, server, sharedGuide } from './build.ts';

export const STRATO: Provider = defineProvider({
  id: 'strato',
  name: 'STRATO',
  // ISPDB strato.de.xml lists strato.de (addresses) and rzone.de (the MX of hosted domains).
  domains: ['strato.de'],
  mxPatterns: ['rzone.de'],
  incoming: [
    server('imap', 'imap.strato.de', 993, 'tls'),
    server('pop3', 'pop3.strato.de', 995, 'tls'),
  ],
  outgoing: [
    server('smtp', 'smtp.strato.de', 465, 'tls'),
    server('smtp', 'smtp.strato.de', 587, 'starttls'),
  ],
  auth: { appPassword: 'none' },
  helpUrl:
    'https://www.strato.de/faq/mail/externes-e-mail-programm-mit-strato-e-mail-adresse-nutzen/',
  guides: [sharedGuide('username-full', 'username-form', 1)],
});

const HETZNER_DOCS = 'https://docs.hetzner.com/de/konsoleh/account-management/email/mailboxes';

export const HETZNER: Provider = defineProvider({
  id: 'hetzner',
  name: 'Hetzner (konsoleH)',
  domains: [],
  mxPatterns: ['your-server.de'],
  // POP3 and port 587 are not in our sources.
  incoming: [server('imap', 'mail.your-server.de', 993, 'tls')],
  outgoing: [server('smtp', 'mail.your-server.de', 465, 'tls')],
  auth: { appPassword: 'none' },
  helpUrl: HETZNER_DOCS,
  guides: [
    sharedGuide('username-full', 'username-form', 1),
    guide('hetzner', 'mailbox-password', 2, { url: HETZNER_DOCS }),
  ],
});
