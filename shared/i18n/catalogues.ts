/**
 * Every catalogue, imported statically so that bundlers inline them (a desktop app bundles its
 * languages; nothing is fetched). Add a namespace: add its two JSON files and one line per language.
 */
import enCommon from './en/common.json';
import deCommon from './de/common.json';
import enVerify from './en/verify.json';
import deVerify from './de/verify.json';

export const catalogues = {
  en: { common: enCommon, verify: enVerify },
  de: { common: deCommon, verify: deVerify },
} as const;
