/**
 * The export slice: which mail program the person sets up, and saving, printing and copying the
 * files the exporters make from the chosen settings. The password never goes into a file here.
 */
import type { ExportPart, GuidanceInput } from '../../../shared/export/index.ts';
import type { MailSetupApi } from '../../../shared/ipc.ts';
import type { AccountSettings } from '../../../shared/model.ts';
import { guidanceFor } from '../../../shared/providers/guidance.ts';
import type { AppState, SliceCreator } from './app-state.ts';
import { providerOf } from './provider.ts';
import type { CheckReport, VerificationReport } from '../../../shared/reports.ts';

export const CLIENT_FORMATS = ['thunderbird', 'outlook', 'apple', 'sheet'] as const;
export type ClientFormat = (typeof CLIENT_FORMATS)[number];

/** What the report and the sheet may say besides the settings. */
export interface ExportExtras {
  check?: CheckReport;
  verification?: VerificationReport;
  guidance?: readonly GuidanceInput[];
}

/** Makes the files of one format; the real one wraps shared/export, tests may pass their own. */
export type Exporter = (
  settings: AccountSettings,
  format: ClientFormat | 'report',
  extras: ExportExtras,
) => ExportPart;

export interface ExportOutcome {
  status: 'idle' | 'busy' | 'saved' | 'printed' | 'copied' | 'cancelled' | 'error';
  code: string | null;
  paths: string[];
}

export interface ExportSlice {
  exportFormat: ClientFormat;
  exported: ExportOutcome;
  setExportFormat(format: ClientFormat): void;
  /** The files (and notes) for a format, the chosen one by default; empty while incomplete. */
  exportFiles(format?: ClientFormat | 'report', guidance?: readonly GuidanceInput[]): ExportPart;
  saveExport(): Promise<void>;
  printSheet(): Promise<void>;
  copyText(text: string): Promise<void>;
  /** Copies the helpdesk check's ticket report (text form) to the clipboard. */
  copyDeskReport(): Promise<void>;
  resetExport(): void;
}

const IDLE: ExportOutcome = { status: 'idle', code: null, paths: [] };

/** The account as the exporters take it: no password. */
export function accountSettingsOf(state: AppState): AccountSettings | null {
  const { incoming, outgoing } = state.settings;
  const address = state.parsed?.address;
  if (!incoming || !outgoing || !address) return null;
  const displayName = state.displayName.trim();
  return { address, ...(displayName ? { displayName } : {}), incoming, outgoing };
}

export function createExportSlice(
  api: MailSetupApi,
  exporter: Exporter,
): SliceCreator<ExportSlice> {
  return (set, get) => {
    const fail = (code: string) => set({ exported: { status: 'error', code, paths: [] } });

    return {
      exportFormat: 'thunderbird',
      exported: IDLE,

      setExportFormat(format) {
        set({ exportFormat: format, exported: IDLE });
      },

      exportFiles(format, guidance) {
        const state = get();
        const settings = accountSettingsOf(state);
        if (!settings) return { files: [], notes: [] };
        const extras: ExportExtras = {
          ...(state.check.report ? { check: state.check.report } : {}),
          ...(state.verify.report ? { verification: state.verify.report } : {}),
          guidance: guidance ?? guidanceFor(providerOf(state) ?? undefined),
        };
        try {
          return exporter(settings, format ?? state.exportFormat, extras);
        } catch {
          return { files: [], notes: [] };
        }
      },

      async saveExport() {
        const { files } = get().exportFiles();
        if (files.length === 0) return fail('export-empty');
        set({ exported: { ...IDLE, status: 'busy' } });
        try {
          const result = await api.saveExport({ files });
          if (!result.ok) return fail(result.code);
          if ('cancelled' in result.value) set({ exported: { ...IDLE, status: 'cancelled' } });
          else set({ exported: { status: 'saved', code: null, paths: result.value.paths } });
          get().announce(
            'cancelled' in result.value
              ? 'wizard:announce.export-cancelled'
              : 'wizard:announce.export-saved',
          );
        } catch {
          fail('ipc-failed');
        }
      },

      async printSheet() {
        const sheet = get()
          .exportFiles('sheet')
          .files.find((f) => f.mediaType.includes('html'));
        if (!sheet) return fail('export-empty');
        set({ exported: { ...IDLE, status: 'busy' } });
        const filename = sheet.filename.replace(/\.html?$/i, '') + '.pdf';
        try {
          const result = await api.printSheet({ html: sheet.content, filename });
          if (!result.ok) return fail(result.code);
          if ('cancelled' in result.value) set({ exported: { ...IDLE, status: 'cancelled' } });
          else set({ exported: { status: 'printed', code: null, paths: [result.value.path] } });
        } catch {
          fail('ipc-failed');
        }
      },

      async copyText(text) {
        try {
          const result = await api.writeClipboard({ text });
          if (!result.ok) return fail(result.code);
          set({ exported: { ...IDLE, status: 'copied' } });
          get().announce('wizard:announce.copied');
        } catch {
          fail('ipc-failed');
        }
      },

      async copyDeskReport() {
        const report = get().deskCheck.report;
        const { incoming, outgoing } = report?.recommended ?? {};
        if (!report || !incoming || !outgoing) return fail('export-empty');
        const strip = (e: typeof incoming) => ({
          protocol: e.protocol,
          host: e.host,
          port: e.port,
          security: e.security,
          username: e.username,
        });
        const settings: AccountSettings = {
          address: report.address,
          incoming: strip(incoming),
          outgoing: strip(outgoing),
        };
        let text: string | undefined;
        try {
          const part = exporter(settings, 'report', { check: report });
          text = part.files.find((f) => f.filename.endsWith('.txt'))?.content;
        } catch {
          text = undefined;
        }
        if (!text) return fail('export-empty');
        await get().copyText(text);
      },

      resetExport() {
        set({ exportFormat: 'thunderbird', exported: IDLE });
      },
    };
  };
}
