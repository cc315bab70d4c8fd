/**
 * Finishing inside the person's mail program (the `finish:*` channels): the Thunderbird profiles
 * on this computer and adding the account to one, Outlook's PRF import on Windows, opening the
 * Apple profile on macOS. What reached the program is `finished`, which the done screen says.
 * Where a channel is not available, the wizard offers the program's file instead.
 */
import { alternativesFromProbes } from '../../../shared/export/index.ts';
import { FINISH_CODES, type ThunderbirdProfile } from '../../../shared/finish.ts';
import type { MailSetupApi } from '../../../shared/ipc.ts';
import type { SliceCreator } from './app-state.ts';
import { accountSettingsOf, type ClientFormat } from './export-slice.ts';
import { effectiveReport } from './manual-check-slice.ts';
import { providerOf } from './provider.ts';

/** What reached the mail program (or the person's disk). */
export interface Finished {
  program: ClientFormat;
  /** saved/printed: a file; added: into a Thunderbird profile; imported: Outlook runs its
   * import; opened: the system opened the Apple profile. */
  how: 'saved' | 'printed' | 'added' | 'already-present' | 'imported' | 'opened';
  paths: string[];
  /** The Thunderbird profile's name, when added there. */
  profile?: string;
}

export interface ThunderbirdState {
  status: 'unknown' | 'loading' | 'ready' | 'unavailable';
  profiles: ThunderbirdProfile[];
  /** The chosen profile's path (the default one first). */
  chosen: string | null;
}

export interface FinishSlice {
  platform: string;
  thunderbird: ThunderbirdState;
  finishing: { status: 'idle' | 'busy' | 'error'; code: string | null };
  finished: Finished | null;
  loadThunderbirdProfiles(): Promise<void>;
  chooseProfile(path: string): void;
  addToThunderbird(): Promise<void>;
  importIntoOutlook(): Promise<void>;
  openInAppleMail(): Promise<void>;
  /** Records what reached the program and shows the done screen. */
  finish(finished: Finished): void;
  resetFinish(): void;
}

const UNKNOWN: ThunderbirdState = { status: 'unknown', profiles: [], chosen: null };
const IDLE = { status: 'idle' as const, code: null };

export function createFinishSlice(api: MailSetupApi, platform: string): SliceCreator<FinishSlice> {
  return (set, get) => {
    /** The account and the other endpoints known to work, as the finish channels take them. */
    const request = () => {
      const settings = accountSettingsOf(get());
      if (!settings) return null;
      const alternatives = alternativesFromProbes(effectiveReport(get())?.probes, settings);
      return { settings, alternatives };
    };
    /** Runs one finish call; a failure keeps its code for the sentence, nothing else changes. */
    const run = async <T>(
      call: () => Promise<{ ok: true; value: T } | { ok: false; code: string }>,
    ) => {
      set({ finishing: { status: 'busy', code: null } });
      try {
        const result = await call();
        if (!result.ok) {
          set({ finishing: { status: 'error', code: result.code } });
          if ((FINISH_CODES as readonly string[]).includes(result.code)) {
            get().announce(`finish:codes.${result.code}`);
          }
          return null;
        }
        set({ finishing: IDLE });
        return result.value;
      } catch {
        set({ finishing: { status: 'error', code: 'ipc-failed' } });
        return null;
      }
    };

    return {
      platform,
      thunderbird: UNKNOWN,
      finishing: IDLE,
      finished: null,

      async loadThunderbirdProfiles() {
        if (get().thunderbird.status === 'loading') return;
        set({ thunderbird: { ...UNKNOWN, status: 'loading' } });
        const result = await api.listThunderbirdProfiles({}).catch(() => null);
        const profiles = result?.ok ? result.value.profiles : [];
        set({
          thunderbird: {
            status: profiles.length > 0 ? 'ready' : 'unavailable',
            profiles,
            chosen: profiles[0]?.path ?? null,
          },
        });
      },

      chooseProfile(path) {
        set({ thunderbird: { ...get().thunderbird, chosen: path } });
      },

      async addToThunderbird() {
        const req = request();
        const { chosen, profiles } = get().thunderbird;
        if (!req) return;
        const value = await run(() =>
          api.addToThunderbird({
            settings: req.settings,
            ...(chosen ? { profilePath: chosen } : {}),
          }),
        );
        if (!value) return;
        const profile = profiles.find((p) => p.path === value.profilePath)?.name;
        get().finish({
          program: 'thunderbird',
          how: value.status,
          paths: [value.profilePath],
          ...(profile ? { profile } : {}),
        });
      },

      async importIntoOutlook() {
        const req = request();
        if (!req) return;
        const providerId = providerOf(get())?.id;
        const value = await run(() =>
          api.importIntoOutlook({ ...req, ...(providerId ? { providerId } : {}) }),
        );
        if (value) get().finish({ program: 'outlook', how: 'imported', paths: [value.prfPath] });
      },

      async openInAppleMail() {
        const req = request();
        if (!req) return;
        const value = await run(() => api.openInAppleMail(req));
        if (value) get().finish({ program: 'apple', how: 'opened', paths: [value.path] });
      },

      finish(finished) {
        set({ finished });
        get().goTo('done');
      },

      resetFinish() {
        set({ thunderbird: UNKNOWN, finishing: IDLE, finished: null });
      },
    };
  };
}
