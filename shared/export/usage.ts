/**
 * How each exported file is used, said by the exporter that makes it: the CLI's export output and
 * the wizard's export step word it from the same code (`export:import.<usage>` in the catalogues).
 */
export const FILE_USAGES = [
  'thunderbirdAutoconfig',
  'thunderbirdUserJs',
  'outlookPrf',
  'outlookAutodiscover',
  'appleProfile',
  'settingsSheet',
  'reportText',
  'reportJson',
] as const;
export type FileUsage = (typeof FILE_USAGES)[number];

/** Files for a domain's administrator (to publish), not for the person's own mail program. */
const FOR_ADMINISTRATOR: ReadonlySet<FileUsage> = new Set([
  'thunderbirdAutoconfig',
  'outlookAutodiscover',
]);

export function forAdministrator(file: { usage?: FileUsage }): boolean {
  return file.usage !== undefined && FOR_ADMINISTRATOR.has(file.usage);
}

/** The catalogue key that says how to use the file, when its exporter said. */
export function usageKey(file: { usage?: FileUsage }): string | null {
  return file.usage ? `export:import.${file.usage}` : null;
}
