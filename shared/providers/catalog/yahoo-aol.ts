/**
 * Yahoo Mail and AOL (same operator, same login system). Sources: Thunderbird ISPDB (yahoo.com,
 * aol.com), Yahoo help SLN15241 and AOL help "Create and manage app password", FairEmail FAQ 88.
 * The sources conflict on whether app passwords still work for IMAP (FairEmail: OAuth only;
 * chatmail provider-db 2025: app passwords): the guidance offers the app password and says that
 * a mail program with Yahoo/AOL sign-in is the fallback. The ISPDB (yahoo.com, aol.com) lists
 * OAuth2 before password-cleartext on every server; Thunderbird signs in with OAuth2.
 */
import type { Provider } from '../types.ts';
import {
  FULL_ADDRESS,
  OAUTH2_OR_PASSWORD,
  defineProvider,
  guide,
  server,
  sharedGuide,
} from './build.ts';
import { OAUTH2_SIGN_IN } from './oauth2.ts';

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
    // ISPDB yahoo.com.xml: Cox addresses use Yahoo's servers.
    'cox.net',
  ],
  mxPatterns: ['yahoodns.net'],
  incoming: [
    server('imap', 'imap.mail.yahoo.com', 993, 'tls', FULL_ADDRESS, OAUTH2_OR_PASSWORD),
    server('pop3', 'pop.mail.yahoo.com', 995, 'tls', FULL_ADDRESS, OAUTH2_OR_PASSWORD),
  ],
  outgoing: [server('smtp', 'smtp.mail.yahoo.com', 465, 'tls', FULL_ADDRESS, OAUTH2_OR_PASSWORD)],
  auth: { appPassword: 'required' },
  appPasswordUrl: 'https://help.yahoo.com/kb/generate-manage-rd-party-passwords-sln15241.html',
  guides: [
    OAUTH2_SIGN_IN,
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
    // ISPDB verizon.net.xml: Verizon addresses use AOL's servers.
    'verizon.net',
  ],
  // AOL's MX hosts live under yahoodns.net too (ISPDB aol.com.xml: mail.gm0.yahoodns.net, more
  // specific than Yahoo's pattern).
  mxPatterns: ['gm0.yahoodns.net'],
  incoming: [
    server('imap', 'imap.aol.com', 993, 'tls', FULL_ADDRESS, OAUTH2_OR_PASSWORD),
    server('pop3', 'pop.aol.com', 995, 'tls', FULL_ADDRESS, OAUTH2_OR_PASSWORD),
  ],
  outgoing: [server('smtp', 'smtp.aol.com', 465, 'tls', FULL_ADDRESS, OAUTH2_OR_PASSWORD)],
  auth: { appPassword: 'required' },
  appPasswordUrl: 'https://help.aol.com/articles/Create-and-manage-app-password',
  guides: [
    OAUTH2_SIGN_IN,
    guide('aol', 'app-password', 4, {
      url: 'https://help.aol.com/articles/Create-and-manage-app-password',
    }),
    sharedGuide('oauth-preferred', 'service-note', 1),
    sharedGuide('username-full', 'username-form', 1),
  ],
});
