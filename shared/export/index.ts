/**
 * The exporters' one entry point: settings in, files out. Pure and browser-safe (the renderer
 * calls it too): no Node imports, UUIDs from an injectable `randomUUID`, dates from `now`.
 *
 * | format      | files                               | for                                   |
 * | thunderbird | config-v1.1.xml, user.js            | domain admins / ISPDB; a new profile  |
 * | outlook     | outlook.prf, autodiscover.xml       | classic Outlook; domain admins        |
 * | apple       | <address>.mobileconfig              | Apple Mail on macOS / iOS             |
 * (no outlook or apple file for a server that takes OAuth2 only: a note says how those
 * programs add such an account themselves)
 * | sheet       | settings.html                       | printing (the app makes a PDF)        |
 * | report      | report.txt, report.json             | helpdesk tickets                      |
 */
import type { AccountSettings } from '../model.ts';
import { appleMobileconfig } from './apple-mobileconfig.ts';
import { alternativesFromProbes } from './endpoint-choice.ts';
import { oauth2OnlyEndpoint, oauth2OnlyNote } from './login-method.ts';
import type { GuidanceInput } from './guidance.ts';
import { outlookAutodiscover } from './outlook-autodiscover.ts';
import { outlookPrf } from './outlook-prf.ts';
import { withoutRawControls } from './safe-file.ts';
import { settingsSheet } from './settings-sheet.ts';
import { thunderbirdAutoconfig } from './thunderbird-autoconfig.ts';
import { thunderbirdUserJs } from './thunderbird-userjs.ts';
import { ticketReport, type CheckReportInput, type VerificationInput } from './ticket-report.ts';
import {
  FORMATS,
  type Alternatives,
  type ExportFormat,
  type ExportNote,
  type ExportPart,
  type Translate,
} from './types.ts';

export * from './types.ts';
export {
  validateSettings,
  type SettingsError,
  type SettingsResult,
} from './settings-validation.ts';
export { alternativesFromProbes } from './endpoint-choice.ts';
export type { GuidanceInput } from './guidance.ts';
export type { CheckReportInput, VerificationInput } from './ticket-report.ts';

export interface ExportOptions {
  /** Translation function of the person's language (keys carry their namespace). */
  t: Translate;
  /** The language of `t` (`en`, `de`), for the sheet's `lang` attribute and dates. */
  language: string;
  /**
   * Endpoints known to work besides the chosen ones (implicit-TLS fallbacks); by default the
   * working implicit-TLS ports among `check.probes`.
   */
  alternatives?: Alternatives;
  /** Put the password into the Apple profile. Only on the person's explicit request. */
  includePassword?: boolean;
  randomUUID?: () => string;
  now?: Date;
  guidance?: readonly GuidanceInput[];
  check?: CheckReportInput;
  verification?: VerificationInput;
  /** Notes of the caller's (e.g. a risk the person accepted), shown with the exporters' own. */
  extraNotes?: readonly ExportNote[];
}

function plaintextNotes(settings: AccountSettings): ExportNote[] {
  return [settings.incoming, settings.outgoing]
    .filter((ep) => ep.security === 'plain')
    .map((ep) => ({
      code: 'plaintext',
      severity: 'warning',
      params: { protocol: ep.protocol.toUpperCase(), host: ep.host, port: ep.port },
    }));
}

/** Produces the files of the requested formats (all of them by default), in a stable order. */
export function exportFormats(
  settings: AccountSettings,
  formats: readonly ExportFormat[] = FORMATS,
  options: ExportOptions,
): ExportPart {
  const wanted = new Set(formats);
  const alternatives =
    options.alternatives ?? alternativesFromProbes(options.check?.probes, settings);
  const parts: ExportPart[] = [];
  if (wanted.has('thunderbird')) {
    parts.push(thunderbirdAutoconfig(settings), thunderbirdUserJs(settings));
  }
  // A server that takes OAuth2 only cannot be written into a PRF, an Autodiscover answer or an
  // Apple profile (they carry passwords): instead, a note on how those programs add the account.
  const oauth2Only = oauth2OnlyEndpoint(settings);
  if (wanted.has('outlook') && oauth2Only) {
    parts.push({ files: [], notes: [oauth2OnlyNote('oauth2-outlook', 'outlook', oauth2Only)] });
  } else if (wanted.has('outlook')) {
    parts.push(outlookPrf(settings, alternatives), outlookAutodiscover(settings));
  }
  if (wanted.has('apple') && oauth2Only) {
    parts.push({ files: [], notes: [oauth2OnlyNote('oauth2-apple', 'apple', oauth2Only)] });
  } else if (wanted.has('apple')) {
    parts.push(
      appleMobileconfig(settings, {
        alternatives,
        includePassword: options.includePassword === true,
        ...(options.randomUUID ? { randomUUID: options.randomUUID } : {}),
        t: options.t,
      }),
    );
  }
  const notes = [
    ...plaintextNotes(settings),
    ...(options.extraNotes ?? []),
    ...parts.flatMap((part) => part.notes),
  ];
  if (wanted.has('sheet')) {
    parts.push(
      settingsSheet(settings, {
        t: options.t,
        language: options.language,
        notes: notes.filter((n) => n.code !== 'password-included'),
        ...(options.guidance ? { guidance: options.guidance } : {}),
        ...(options.now ? { now: options.now } : {}),
      }),
    );
  }
  if (wanted.has('report')) {
    parts.push(
      ticketReport(settings, {
        t: options.t,
        notes,
        ...(options.guidance ? { guidance: options.guidance } : {}),
        ...(options.check ? { check: options.check } : {}),
        ...(options.verification ? { verification: options.verification } : {}),
        ...(options.now ? { now: options.now } : {}),
      }),
    );
  }
  return { files: parts.flatMap((part) => part.files).map(withoutRawControls), notes };
}
