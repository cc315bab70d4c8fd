/**
 * T-Online, Posteo and mail.de. Sources: Thunderbird ISPDB (t-online.de, posteo.de), DeltaChat /
 * chatmail provider-db (t-online, posteo, mail.de), FairEmail providers.xml, Telekom and Posteo help.
 */
import type { Provider } from '../types.ts';
import { defineProvider, guide, server, sharedGuide } from './build.ts';

const TELEKOM_HELP =
  'https://www.telekom.de/hilfe/festnetz-internet-tv/e-mail/e-mail-adresse-passwoerter-und-sicherheit/passwort-fuer-e-mail-programme-einrichten';

export const T_ONLINE: Provider = defineProvider({
  id: 't-online',
  name: 'T-Online (Telekom)',
  domains: ['t-online.de', 'magenta.de'],
  mxPatterns: ['t-online.de'],
  incoming: [
    server('imap', 'secureimap.t-online.de', 993, 'tls'),
    server('pop3', 'securepop.t-online.de', 995, 'tls'),
  ],
  outgoing: [
    server('smtp', 'securesmtp.t-online.de', 465, 'tls'),
    server('smtp', 'securesmtp.t-online.de', 587, 'starttls'),
  ],
  // Always a separate "Passwort für E-Mail-Programme", with or without two-step login.
  auth: { appPassword: 'required', webLoginUrl: 'https://email.t-online.de/' },
  helpUrl: TELEKOM_HELP,
  appPasswordUrl: TELEKOM_HELP,
  guides: [
    guide('t-online', 'app-password', 4, { url: TELEKOM_HELP }),
    sharedGuide('username-full', 'username-form', 1),
  ],
});

const POSTEO_APP_PASSWORDS = 'https://posteo.de/en/help/app-passwords';

/** Posteo's address domains, as the ISPDB's posteo.de.xml lists them (plus posteo.uk, .us). */
const POSTEO_DOMAINS = [
  'posteo.de',
  'posteo.at',
  'posteo.be',
  'posteo.ca',
  'posteo.ch',
  'posteo.cl',
  'posteo.co',
  'posteo.co.uk',
  'posteo.com',
  'posteo.com.br',
  'posteo.cr',
  'posteo.cz',
  'posteo.dk',
  'posteo.ee',
  'posteo.es',
  'posteo.eu',
  'posteo.fi',
  'posteo.gl',
  'posteo.gr',
  'posteo.hn',
  'posteo.hr',
  'posteo.hu',
  'posteo.ie',
  'posteo.in',
  'posteo.is',
  'posteo.it',
  'posteo.jp',
  'posteo.la',
  'posteo.li',
  'posteo.lt',
  'posteo.lu',
  'posteo.me',
  'posteo.mx',
  'posteo.my',
  'posteo.net',
  'posteo.nl',
  'posteo.no',
  'posteo.nz',
  'posteo.org',
  'posteo.pe',
  'posteo.pl',
  'posteo.pm',
  'posteo.pt',
  'posteo.ro',
  'posteo.se',
  'posteo.sg',
  'posteo.si',
  'posteo.tn',
  'posteo.uk',
  'posteo.us',
];

export const POSTEO: Provider = defineProvider({
  id: 'posteo',
  name: 'Posteo',
  domains: POSTEO_DOMAINS,
  mxPatterns: ['posteo.de'],
  incoming: [
    server('imap', 'posteo.de', 993, 'tls'),
    server('imap', 'posteo.de', 143, 'starttls'),
    server('pop3', 'posteo.de', 995, 'tls'),
    server('pop3', 'posteo.de', 110, 'starttls'),
  ],
  outgoing: [server('smtp', 'posteo.de', 465, 'tls'), server('smtp', 'posteo.de', 587, 'starttls')],
  // chatmail provider-db (2026-02): "app passwords seem to be required now"; FairEmail: "in some
  // cases". Treated as required; the menu path is on Posteo's guide, not in our sources.
  auth: { appPassword: 'required' },
  helpUrl: POSTEO_APP_PASSWORDS,
  appPasswordUrl: POSTEO_APP_PASSWORDS,
  guides: [
    guide('posteo', 'app-password', 3, { url: POSTEO_APP_PASSWORDS }),
    guide('posteo', 'enable-imap', 2, {
      url: 'https://posteo.de/en/help/activating-additional-email-account-protection',
    }),
    sharedGuide('username-full', 'username-form', 1),
  ],
});

export const MAIL_DE: Provider = defineProvider({
  id: 'mail-de',
  name: 'mail.de',
  domains: ['mail.de'],
  mxPatterns: ['mail.de'],
  // POP3 is not in our sources (see mail.de/hilfe/pop3-imap-einstellungen); 587 not documented.
  incoming: [server('imap', 'imap.mail.de', 993, 'tls')],
  outgoing: [server('smtp', 'smtp.mail.de', 465, 'tls')],
  // No 2FA or app-password documentation found.
  auth: { appPassword: 'none' },
  helpUrl: 'https://mail.de/hilfe/pop3-imap-einstellungen',
  guides: [sharedGuide('username-full', 'username-form', 1)],
});
