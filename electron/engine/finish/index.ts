/**
 * Finishing inside the person's mail program (plain Node, no Electron): Thunderbird profiles
 * written directly, Outlook's PRF import started, Apple profiles opened by the system.
 */
export { addToThunderbird, listThunderbirdProfiles, type AddOptions } from './thunderbird.ts';
export { importIntoOutlook, type OutlookOptions } from './outlook.ts';
export { openInAppleMail, type AppleOptions } from './apple.ts';
export type { FinishResult } from './result.ts';
