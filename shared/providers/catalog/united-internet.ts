/**
 * GMX, WEB.DE and IONOS (1&1). Sources: Thunderbird ISPDB (gmx.net, gmx.com, web.de, 1und1.de),
 * the GMX/WEB.DE help on enabling POP3/IMAP and on application-specific passwords, FairEmail
 * providers.xml and FAQ, IONOS help on two-step verification.
 */
import type { Provider } from '../types.ts';
import { FULL_ADDRESS, LOCAL_PART, defineProvider, guide, server, sharedGuide } from './build.ts';

function gmx(id: string, name: string, tld: 'net' | 'com', domains: string[]): Provider {
  const de = tld === 'net';
  return defineProvider({
    id,
    name,
    domains,
    mxPatterns: [`gmx.${tld}`],
    incoming: [
      server('imap', `imap.gmx.${tld}`, 993, 'tls'),
      server('imap', `imap.gmx.${tld}`, 143, 'starttls'),
      server('pop3', `pop.gmx.${tld}`, 995, 'tls'),
      server('pop3', `pop.gmx.${tld}`, 110, 'starttls'),
    ],
    outgoing: [
      server('smtp', `mail.gmx.${tld}`, 465, 'tls'),
      server('smtp', `mail.gmx.${tld}`, 587, 'starttls'),
    ],
    auth: { appPassword: 'with-2fa', servicesMustBeEnabled: ['imap', 'pop3', 'smtp'] },
    helpUrl: de
      ? 'https://hilfe.gmx.net/pop-imap/einschalten.html'
      : 'https://support.gmx.com/pop-imap/toggle.html',
    appPasswordUrl: de
      ? 'https://hilfe.gmx.net/sicherheit/2fa/anwendungsspezifisches-passwort.html'
      : 'https://support.gmx.com/security/2fa/application-specific-passwords.html',
    guides: [
      guide('gmx', 'enable-imap', 3, {
        url: de
          ? 'https://hilfe.gmx.net/pop-imap/einschalten.html'
          : 'https://support.gmx.com/pop-imap/toggle.html',
      }),
      sharedGuide('username-full', 'username-form', 1),
      guide('gmx', 'app-password', 4, {
        url: de
          ? 'https://hilfe.gmx.net/sicherheit/2fa/anwendungsspezifisches-passwort.html'
          : 'https://support.gmx.com/security/2fa/application-specific-passwords.html',
      }),
    ],
  });
}

export const GMX = gmx('gmx', 'GMX', 'net', [
  'gmx.net',
  'gmx.de',
  'gmx.at',
  'gmx.ch',
  'gmx.eu',
  'gmx.biz',
  'gmx.org',
  'gmx.info',
  'mein.gmx',
  'mail.gmx',
  'email.gmx',
]);

// The domains of the ISPDB's gmx.com.xml.
export const GMX_COM = gmx('gmx-com', 'GMX.com', 'com', [
  'gmx.com',
  'gmx.tm',
  'gmx.us',
  'gmx.co.uk',
  'gmx.es',
  'gmx.fr',
  'gmx.ca',
  'gmx.cn',
  'gmx.co.in',
  'gmx.com.br',
  'gmx.com.my',
  'gmx.hk',
  'gmx.ie',
  'gmx.ph',
  'gmx.pt',
  'gmx.ru',
  'gmx.se',
  'gmx.sg',
  'gmx.tw',
  'gmx.com.tr',
  'gmx.it',
  'gmx.li',
]);

const WEB_DE_APP_PASSWORD =
  'https://hilfe.web.de/sicherheit/2fa/anwendungsspezifisches-passwort.html';

export const WEB_DE: Provider = defineProvider({
  id: 'web-de',
  name: 'WEB.DE',
  domains: ['web.de', 'email.de'],
  mxPatterns: ['web.de'],
  incoming: [
    server('imap', 'imap.web.de', 993, 'tls', LOCAL_PART),
    server('imap', 'imap.web.de', 143, 'starttls', LOCAL_PART),
    server('pop3', 'pop3.web.de', 995, 'tls', LOCAL_PART),
    server('pop3', 'pop3.web.de', 110, 'starttls', LOCAL_PART),
  ],
  outgoing: [
    server('smtp', 'smtp.web.de', 465, 'tls', LOCAL_PART),
    server('smtp', 'smtp.web.de', 587, 'starttls', LOCAL_PART),
  ],
  // ISPDB, DeltaChat and FairEmail all use the local part; the full address is the fallback.
  usernameVariants: [FULL_ADDRESS],
  auth: { appPassword: 'with-2fa', servicesMustBeEnabled: ['imap', 'pop3', 'smtp'] },
  helpUrl: 'https://hilfe.web.de/pop-imap/einschalten.html',
  appPasswordUrl: WEB_DE_APP_PASSWORD,
  guides: [
    guide('web-de', 'enable-imap', 2, { url: 'https://hilfe.web.de/pop-imap/einschalten.html' }),
    guide('web-de', 'username-form', 1),
    // Unverified: the app-password page itself was not retrieved; the steps follow GMX (same
    // operator) and the 2FA menu names WEB.DE documents.
    guide('web-de', 'app-password', 3, { url: WEB_DE_APP_PASSWORD }),
    guide('web-de', 'service-note', 1),
  ],
});

const IONOS_2FA =
  'https://www.ionos.com/help/email/using-webmail/email-activate-and-configure-two-step-verification/';

export const IONOS: Provider = defineProvider({
  id: 'ionos',
  name: 'IONOS (1&1)',
  // The ISPDB's 1und1.de.xml: DSL customers' domains; hosted domains are recognised by their MX.
  // ionos.co.uk/.fr/.es were dropped: those are IONOS's own web domains, not mail domains, and
  // customers there are not served by the German hosts below.
  domains: [
    'online.de',
    'onlinehome.de',
    'sofortstart.de',
    'sofort-start.de',
    'sofortsurf.de',
    'sofort-surf.de',
    'go4more.de',
  ],
  // ISPDB: "Hosting customers, MX servers".
  mxPatterns: ['kundenserver.de', 'schlund.de'],
  // One host family, as the ISPDB lists it (1und1.de names, SSL and STARTTLS for each service),
  // instead of a mix of imap.ionos.de with the older pop./smtp.1und1.de names.
  incoming: [
    server('imap', 'imap.1und1.de', 993, 'tls'),
    server('imap', 'imap.1und1.de', 143, 'starttls'),
    server('pop3', 'pop.1und1.de', 995, 'tls'),
    server('pop3', 'pop.1und1.de', 110, 'starttls'),
  ],
  outgoing: [
    server('smtp', 'smtp.1und1.de', 465, 'tls'),
    server('smtp', 'smtp.1und1.de', 587, 'starttls'),
  ],
  auth: { appPassword: 'with-2fa' },
  appPasswordUrl: IONOS_2FA,
  guides: [
    sharedGuide('username-full', 'username-form', 1),
    guide('ionos', 'mailbox-password', 1),
    // Unverified: the steps after "Login & Security" were not captured; the link has them.
    guide('ionos', 'app-password', 3, { url: IONOS_2FA }),
  ],
});
