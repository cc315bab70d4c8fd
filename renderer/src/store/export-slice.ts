/**
 * The export slice: which mail program the person sets up, and saving, printing and copying the
 * files the exporters make from the chosen settings. The password never goes into a file here.
 */
import type { ExportPart, GuidanceInput } from '../../../shared/export/index.ts';
import type { MailSetupApi } from '../../../shared/ipc.ts';
import type { AccountSettings } from '../../../shared/model.ts';
import { guidanceFor } from '../../../shared/providers/guidance.ts';
import type { AppState, SliceCreator } from './app-state.ts';
import { forAdministrator } from '../../../shared/export/usage.ts';
import { effectiveReport } from './manual-check-slice.ts';
import { providerOf } from './provider.ts';
import type { CheckReport, VerificationReport } from '../../../shared/reports.ts';
import { acceptedRisks, type Risk } from './endpoint-risk.ts';

export const CLIENT_FORMATS = ['thunderbird', 'outlook', 'apple', 'sheet'] as const;
export type ClientFormat = (typeof CLIENT_FORMATS)[number];

/** What the report and the sheet may say besides the settings. */
export interface ExportExtras {
  check?: CheckReport;
  verification?: VerificationReport;
  guidance?: readonly GuidanceInput[];
  /** Risks the person accepted: the files' notes and the sheet say them again. */
  risks?: readonly Risk[];
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
  /** Saves the person's files of the chosen program (or the administrator's files). */
  saveExport(scope?: 'person' | 'admin'): Promise<void>;
  printSheet(): Promise<void>;
  /** The helpdesk report (text) on the clipboard, in any state, even with nothing found. */
  copyReport(): Promise<void>;
  /** Saves the helpdesk report (text and JSON), in any state. */
  saveReport(): Promise<void>;
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

/** The settings as far as they go: blank servers read "—" in the report. */
function settingsSoFar(state: AppState): AccountSettings {
  const address = state.parsed?.address ?? state.address.trim();
  const blank = (protocol: 'imap' | 'smtp') => ({
    protocol,
    host: '—',
    port: protocol === 'smtp' ? 587 : 993,
    security: 'tls' as const,
    username: address,
  });
  const or = (e: AccountSettings['incoming'] | null, protocol: 'imap' | 'smtp') =>
    e && e.host.trim() ? e : blank(protocol);
  return {
    address,
    incoming: or(state.settings.incoming, 'imap'),
    outgoing: or(state.settings.outgoing, 'smtp'),
  };
}

/** The helpdesk report's files for the state as it is (check, manual probes, login test). */
function reportFiles(state: AppState, exporter: Exporter) {
  const report = effectiveReport(state);
  try {
    return exporter(settingsSoFar(state), 'report', {
      ...(report ? { check: report } : {}),
      ...(state.verify.report ? { verification: state.verify.report } : {}),
      guidance: guidanceFor(providerOf(state) ?? undefined),
    }).files;
  } catch {
    return [];
  }
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
        const report = effectiveReport(state);
        const extras: ExportExtras = {
          ...(report ? { check: report } : {}),
          risks: acceptedRisks(
            [settings.incoming, settings.outgoing],
            report,
            state.settings.consents,
          ),
          ...(state.verify.report ? { verification: state.verify.report } : {}),
          guidance: guidance ?? guidanceFor(providerOf(state) ?? undefined),
        };
        try {
          return exporter(settings, format ?? state.exportFormat, extras);
        } catch {
          return { files: [], notes: [] };
        }
      },

      async saveExport(scope = 'person') {
        const files = get()
          .exportFiles()
          .files.filter((f) => forAdministrator(f) === (scope === 'admin'));
        if (files.length === 0) return fail('export-empty');
        set({ exported: { ...IDLE, status: 'busy' } });
        try {
          const result = await api.saveExport({ files });
          if (!result.ok) return fail(result.code);
          if ('cancelled' in result.value) {
            set({ exported: { ...IDLE, status: 'cancelled' } });
            get().announce('wizard:announce.export-cancelled');
            return;
          }
          const paths = result.value.paths;
          set({ exported: { status: 'saved', code: null, paths } });
          if (scope === 'admin') {
            get().announce('wizard:announce.export-saved');
            return;
          }
          get().finish({ program: get().exportFormat, how: 'saved', paths });
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
          if ('cancelled' in result.value) {
            set({ exported: { ...IDLE, status: 'cancelled' } });
            return;
          }
          const paths = [result.value.path];
          set({ exported: { status: 'printed', code: null, paths } });
          // For "another program" the sheet is what the person takes to it: that finishes.
          if (get().exportFormat === 'sheet' && get().step === 'export') {
            get().finish({ program: 'sheet', how: 'printed', paths });
          } else get().announce('wizard:announce.export-saved');
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

      async copyReport() {
        const text = reportFiles(get(), exporter).find((f) => f.filename.endsWith('.txt'))?.content;
        if (!text) return fail('export-empty');
        await get().copyText(text);
      },

      async saveReport() {
        const files = reportFiles(get(), exporter);
        if (files.length === 0) return fail('export-empty');
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

      resetExport() {
        set({ exportFormat: 'thunderbird', exported: IDLE });
        get().resetFinish();
      },
    };
  };
}
