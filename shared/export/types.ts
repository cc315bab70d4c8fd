/**
 * Types every exporter shares. An exporter is a pure function: settings in, files out, plus notes
 * (codes, not sentences) for whatever the person must check by hand because a client's format
 * cannot express a setting. Callers translate the notes with `export:notes.<code>`.
 */
import type { ExportFile, ExportFormat } from '../ipc.ts';
import type { Endpoint } from '../model.ts';

export type { ExportFile, ExportFormat };

/** i18next's `t` shape, narrowed to what the exporters use. Keys carry their namespace. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

export const NOTE_CODES = [
  /** The client file cannot say STARTTLS for the incoming server; set it by hand after import. */
  'incoming-starttls-manual',
  /** Apple profiles only know "Use SSL"; it is switched on for a STARTTLS port. */
  'starttls-as-ssl',
  /** A STARTTLS endpoint was replaced by a working implicit-TLS endpoint of the same server. */
  'implicit-tls-used',
  /** The server takes no encryption: the password would travel readable. */
  'plaintext',
  /** The file contains the password and must be handled like it. */
  'password-included',
  /** Values the Outlook profile file leaves out: Windows-1252 has no character for them. */
  'prf-values-left-out',
  /** The person accepted a server whose certificate is not valid; what to tell the provider. */
  'accepted-certificate',
  /** Thunderbird signs in with OAuth2 (the provider's page opens the first time). */
  'oauth2-sign-in',
  /** No Outlook file: the server takes OAuth2 only; Outlook adds such an account itself. */
  'oauth2-outlook',
  /** No Apple profile: the server takes OAuth2 only; Apple Mail adds such an account itself. */
  'oauth2-apple',
  /**
   * The domain-wide autoconfig file cannot say this person's username (it follows no form of the
   * address): the file names the full address, the person types the username by hand.
   */
  'username-not-in-autoconfig',
] as const;
export type NoteCode = (typeof NOTE_CODES)[number];

export interface ExportNote {
  code: NoteCode;
  severity: 'warning' | 'info';
  /** The format the note is about; absent when it concerns every file. */
  format?: ExportFormat;
  params: Record<string, string | number>;
}

/** What one exporter produces. */
export interface ExportPart {
  files: ExportFile[];
  notes: ExportNote[];
}

/**
 * Other endpoints of the same account known to work (e.g. implicit-TLS ports that answered with a
 * valid certificate during the check). Used where a client cannot express the chosen endpoint.
 */
export type Alternatives = readonly Endpoint[];

export const FORMATS: readonly ExportFormat[] = [
  'thunderbird',
  'outlook',
  'apple',
  'sheet',
  'report',
];
