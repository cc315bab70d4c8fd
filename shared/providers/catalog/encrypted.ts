/**
 * Providers whose encryption rules out ordinary IMAP: Proton Mail (only through the local
 * Proton Mail Bridge) and Tuta (no IMAP/POP/SMTP at all). Sources: proton-bridge source
 * (constants.go, types_settings.go), Proton's Bridge FAQ, DeltaChat provider-db, FairEmail FAQ 129.
 */
import type { Provider } from '../types.ts';
import { defineProvider, guide, server } from './build.ts';

const BRIDGE_FAQ = 'https://proton.me/support/protonmail-bridge-faq';

export const PROTON_BRIDGE: Provider = defineProvider({
  id: 'proton-bridge',
  name: 'Proton Mail Bridge',
  domains: ['proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me'],
  // mail.protonmail.ch / mailsec.protonmail.ch for custom domains.
  mxPatterns: ['protonmail.ch'],
  // Bridge listens on this computer; 1143/1025 are its defaults (it picks the next free port on
  // a collision) and it starts in STARTTLS mode with its own certificate.
  incoming: [server('imap', '127.0.0.1', 1143, 'starttls')],
  outgoing: [server('smtp', '127.0.0.1', 1025, 'starttls')],
  // Not an app password strictly, but the same situation: a separate password shown by Bridge.
  auth: { appPassword: 'required' },
  helpUrl: BRIDGE_FAQ,
  appPasswordUrl: BRIDGE_FAQ,
  guides: [
    guide('proton-bridge', 'bridge', 3, { url: BRIDGE_FAQ }),
    guide('proton-bridge', 'app-password', 2, { url: BRIDGE_FAQ }),
  ],
});

export const TUTA: Provider = defineProvider({
  id: 'tuta',
  name: 'Tuta',
  domains: ['tuta.com', 'tutanota.com', 'tutanota.de', 'tutamail.com', 'tuta.io', 'keemail.me'],
  // Tuta custom domains receive at mail.tutanota.de.
  mxPatterns: ['tutanota.de'],
  incoming: [],
  outgoing: [],
  noImap: true,
  auth: { appPassword: 'none' },
  helpUrl: 'https://tuta.com/support#imap',
  guides: [guide('tuta', 'no-imap', 2, { url: 'https://tuta.com/support#imap' })],
});
