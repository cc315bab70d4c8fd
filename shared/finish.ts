/**
 * Finishing inside the person's mail program: the outcomes the main process and `mailsetup add`
 * report when they put an account into Thunderbird, start Outlook's PRF import or open an Apple
 * profile. Plain data; the sentences for every code live in the `finish` i18n namespace
 * (`finish:codes.<code>`), and a unit test checks that each code has them in every language.
 */

/** Why finishing did not happen (the `code` of a failed `finish:*` result). */
export const FINISH_CODES = [
  /** The profile is in use: Thunderbird runs. "Close Thunderbird and press again." */
  'thunderbird-running',
  /** No Thunderbird profile on this computer (Thunderbird not installed or never started). */
  'thunderbird-no-profile',
  /** The profile folder asked for is not one of the profiles Thunderbird knows. */
  'thunderbird-profile-unknown',
  /** prefs.js could not be read or parsed: nothing was changed. */
  'thunderbird-prefs-unreadable',
  /** A user.js in the profile sets the account lists and would undo the addition on start. */
  'thunderbird-userjs-conflict',
  /** Writing the profile failed; the old prefs.js is untouched (and its backup kept). */
  'thunderbird-write-failed',
  /** Classic Outlook exists only on Windows: show the steps in plain words. */
  'outlook-unsupported-platform',
  /** No classic Outlook (outlook.exe) on this computer: show the steps, new Outlook by address. */
  'outlook-not-found',
  /** Outlook runs; its PRF import needs it closed. "Close Outlook and press again." */
  'outlook-running',
  /** A Microsoft account: Outlook adds it by its address (with the Microsoft sign-in). */
  'outlook-add-by-address',
  /** outlook.exe could not be started. */
  'outlook-start-failed',
  /** Apple Mail profiles open only on macOS: show the steps (AirDrop/mail the file to the iPhone). */
  'apple-unsupported-platform',
  /** The system refused to open the profile. */
  'apple-open-failed',
] as const;
export type FinishCode = (typeof FINISH_CODES)[number];

/** One Thunderbird profile found on this computer. */
export interface ThunderbirdProfile {
  /** Absolute folder path (the value to pass back as `profilePath`). */
  path: string;
  /** The name shown in Thunderbird's profile manager. */
  name: string;
  /** The profile Thunderbird starts with (listed first). */
  isDefault: boolean;
  /** Thunderbird has it open right now. */
  running: boolean;
  /** Mail accounts already in it (their addresses, for the choice), from prefs.js. */
  accounts: string[];
}

/** What `finish:thunderbird-profiles` and `mailsetup add thunderbird` find. */
export interface ThunderbirdProfiles {
  /** Default profile first. Empty when Thunderbird has no profile yet. */
  profiles: ThunderbirdProfile[];
}

/** The outcome of adding one account to one profile. */
export interface ThunderbirdAddition {
  /** `added` = written now; `already-present` = the profile had this account: nothing changed. */
  status: 'added' | 'already-present';
  profilePath: string;
  /** The account's key in the profile (`account3`). */
  accountKey: string;
  /** The copy of prefs.js made before writing (only when `added` and prefs.js existed). */
  backupPath?: string;
}

/** The outcome of starting Outlook's PRF import. */
export interface OutlookImport {
  started: true;
  /** The outlook.exe that was started. */
  outlookPath: string;
  /** The PRF file it imports (kept so the person can run it again). */
  prfPath: string;
}

/** The outcome of handing an Apple profile to the system. */
export interface AppleOpen {
  opened: true;
  /** The .mobileconfig file the system opened. */
  path: string;
}
