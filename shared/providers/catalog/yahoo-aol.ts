/**
 * Yahoo Mail and AOL (same operator, same login system). Sources: Thunderbird ISPDB (yahoo.com,
 * aol.com), Yahoo help SLN15241 and AOL help "Create and manage app password", FairEmail FAQ 88.
 * The sources conflict on whether app passwords still work for IMAP (FairEmail: OAuth only;
 * chatmail provider-db 2025: app passwords): the guidance offers the app password and says that
 * a mail program with Yahoo/AOL sign-in is the fallback.
 */
import type { Provider } from '../types.ts';
import { defineProvider, guide, server, sharedGuide } from './build.ts';

export const YAHOO: Provider = defineProvider({
  id: 'yahoo',
  name: 'Yahoo Mail',
  domains: [
    'yahoo.com',
    'yahoo.ca',
    'yahoo.de',
    'yahoo.it',
    'yahoo.fr',
    'yahoo.es',
    'yahoo.se',
    'yahoo.co.in',
    'yahoo.co.uk',
    'yahoo.co.nz',
    'yahoo.com.au',
    'yahoo.com.ar',
    'yahoo.com.br',
    'yahoo.com.mx',
    'ymail.com',
    'myyahoo.com',
    'rocketmail.com',
  ],
  mxPatterns: ['yahoodns.net'],
  incoming: [
    server('imap', 'imap.mail.yahoo.com', 993, 'tls'),
    server('pop3', 'pop.mail.yahoo.com', 995, 'tls'),
  ],
  outgoing: [server('smtp', 'smtp.mail.yahoo.com', 465, 'tls')],
  auth: { appPassword: 'required' },
  appPasswordUrl: 'https://help.yahoo.com/kb/generate-manage-rd-party-passwords-sln15241.html',
  guides: [
    guide('yahoo', 'app-password', 4, {
      url: 'https://help.yahoo.com/kb/generate-manage-rd-party-passwords-sln15241.html',
    }),
    sharedGuide('oauth-preferred', 'service-note', 1),
    sharedGuide('username-full', 'username-form', 1),
  ],
});

export const AOL: Provider = defineProvider({
  id: 'aol',
  name: 'AOL Mail',
  domains: [
    'aol.com',
    'aim.com',
    'netscape.net',
    'netscape.com',
    'compuserve.com',
    'cs.com',
    'wmconnect.com',
    'aol.de',
    'aol.it',
    'aol.fr',
    'aol.es',
    'aol.se',
    'aol.co.uk',
    'aol.co.nz',
    'aol.com.au',
    'aol.com.ar',
    'aol.com.br',
    'aol.com.mx',
  ],
  // AOL's MX hosts live under yahoodns.net too; AOL addresses are matched by domain.
  mxPatterns: [],
  incoming: [server('imap', 'imap.aol.com', 993, 'tls'), server('pop3', 'pop.aol.com', 995, 'tls')],
  outgoing: [server('smtp', 'smtp.aol.com', 465, 'tls')],
  auth: { appPassword: 'required' },
  appPasswordUrl: 'https://help.aol.com/articles/Create-and-manage-app-password',
  guides: [
    guide('aol', 'app-password', 4, {
      url: 'https://help.aol.com/articles/Create-and-manage-app-password',
    }),
    sharedGuide('oauth-preferred', 'service-note', 1),
    sharedGuide('username-full', 'username-form', 1),
  ],
});
