/** The chosen settings as plain text for the clipboard, in the person's language. */
import type { TFunction } from 'i18next';
import type { AccountSettings, Endpoint } from '../../../shared/model.ts';

function endpointLines(t: TFunction, heading: string, endpoint: Endpoint): string[] {
  return [
    t(heading, { protocol: endpoint.protocol.toUpperCase() }),
    `  ${t('export:sheet.server')}: ${endpoint.host}`,
    `  ${t('export:sheet.port')}: ${endpoint.port}`,
    `  ${t('export:sheet.security')}: ${t(`export:security.${endpoint.security}`)}`,
    `  ${t('export:sheet.username')}: ${endpoint.username}`,
  ];
}

export function settingsText(t: TFunction, settings: AccountSettings): string {
  return [
    `${t('export:sheet.address')}: ${settings.address}`,
    ...(settings.displayName ? [`${t('export:sheet.displayName')}: ${settings.displayName}`] : []),
    '',
    ...endpointLines(t, 'export:sheet.incoming', settings.incoming),
    '',
    ...endpointLines(t, 'export:sheet.outgoing', settings.outgoing),
    '',
  ].join('\n');
}

/** The `export:import.*` instruction for a file the exporters make, by its name. */
export function importKeyOf(filename: string): string | null {
  const name = filename.toLowerCase();
  if (name === 'config-v1.1.xml') return 'export:import.thunderbirdAutoconfig';
  if (name === 'user.js') return 'export:import.thunderbirdUserJs';
  if (name.endsWith('.prf')) return 'export:import.outlookPrf';
  if (name === 'autodiscover.xml') return 'export:import.outlookAutodiscover';
  if (name.endsWith('.mobileconfig')) return 'export:import.appleProfile';
  if (name.endsWith('.html') || name.endsWith('.htm')) return 'export:import.settingsSheet';
  if (name.endsWith('.txt')) return 'export:import.reportText';
  if (name.endsWith('.json')) return 'export:import.reportJson';
  return null;
}

/** Files meant for a domain's administrator rather than for the person's own mail program. */
const ADMIN_FILES = new Set(['config-v1.1.xml', 'autodiscover.xml']);

export function isAdminFile(filename: string): boolean {
  return ADMIN_FILES.has(filename.toLowerCase());
}

/** The person's own files first, the administrators' files after them (order otherwise kept). */
export function personFirst<T extends { filename: string }>(files: readonly T[]): T[] {
  const rank = (f: T) => (ADMIN_FILES.has(f.filename.toLowerCase()) ? 1 : 0);
  return [...files].sort((a, b) => rank(a) - rank(b));
}
