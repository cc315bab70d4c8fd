/**
 * Yandex Mail. Sources: Thunderbird ISPDB (yandex.ru), Yandex help on mail clients and app
 * passwords, Mailspring issues for the error texts.
 */
import type { Provider } from '../types.ts';
import { defineProvider, guide, server, sharedGuide } from './build.ts';

const APP_PASSWORDS = 'https://yandex.com/support/passport/authorization/app-passwords.html';

export const YANDEX: Provider = defineProvider({
  id: 'yandex',
  name: 'Yandex Mail',
  domains: [
    'yandex.ru',
    'yandex.com',
    'yandex.net',
    'yandex.by',
    'yandex.kz',
    'yandex.ua',
    'ya.ru',
    'narod.ru',
  ],
  // mx.yandex.net / mx.yandex.ru for Yandex 360 custom domains.
  mxPatterns: ['yandex.net', 'yandex.ru'],
  incoming: [
    server('imap', 'imap.yandex.com', 993, 'tls'),
    server('pop3', 'pop.yandex.com', 995, 'tls'),
  ],
  outgoing: [server('smtp', 'smtp.yandex.com', 465, 'tls')],
  auth: { appPassword: 'with-2fa', servicesMustBeEnabled: ['imap'] },
  helpUrl: 'https://yandex.com/support/mail/mail-clients/others.html',
  appPasswordUrl: APP_PASSWORDS,
  guides: [
    guide('yandex', 'enable-imap', 2, {
      url: 'https://yandex.com/support/mail/mail-clients/others.html',
    }),
    sharedGuide('username-full', 'username-form', 1),
    guide('yandex', 'app-password', 3, { url: APP_PASSWORDS }),
  ],
});
