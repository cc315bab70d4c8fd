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
