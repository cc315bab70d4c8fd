/**
 * `finish:*`: putting the proven settings into the person's mail program. Thin callers of
 * `electron/engine/finish/`; every outcome is a result with a stable code (namespace `finish`).
 * A profile folder from the renderer is written only when it is one of the profiles Thunderbird
 * itself lists; the PRF and the Apple profile are made here from the settings, never taken as
 * file content from the renderer.
 */
import { join } from 'node:path';
import { app } from 'electron';
import type { TFunction } from 'i18next';
import {
  addToThunderbird,
  importIntoOutlook,
  listThunderbirdProfiles,
  openInAppleMail,
} from '../engine/finish/index.ts';
import type { ProfileSearch } from '../engine/finish/profiles.ts';
import type { Handlers } from '../ipc.ts';

type FinishChannels =
  | 'finish:thunderbird-profiles'
  | 'finish:thunderbird-add'
  | 'finish:outlook-import'
  | 'finish:apple-open';

export interface FinishDeps {
  /** Translation in the app's current language (the Apple profile's display texts). */
  t(): TFunction;
  /** Where the PRF and the Apple profile are written (default: the app's data folder). */
  filesDir?: () => string;
  /** Where to look for Thunderbird profiles (default: this user's usual places). */
  profileSearch?: ProfileSearch;
}

export function finishHandlers(deps: FinishDeps): Pick<Handlers, FinishChannels> {
  const filesDir = deps.filesDir ?? (() => join(app.getPath('userData'), 'mail-programs'));
  const search = deps.profileSearch ?? {};
  return {
    'finish:thunderbird-profiles': async () => ({
      ok: true,
      value: { profiles: await listThunderbirdProfiles(search) },
    }),
    'finish:thunderbird-add': async ({ settings, profilePath }) => {
      const profiles = await listThunderbirdProfiles(search);
      if (profiles.length === 0) return { ok: false, code: 'thunderbird-no-profile' };
      const chosen = profilePath ? profiles.find((p) => p.path === profilePath) : profiles[0];
      if (!chosen) return { ok: false, code: 'thunderbird-profile-unknown' };
      return addToThunderbird(settings, { profilePath: chosen.path, search });
    },
    'finish:outlook-import': async ({ settings, alternatives, providerId }) =>
      importIntoOutlook(settings, {
        dir: filesDir(),
        ...(alternatives ? { alternatives } : {}),
        ...(providerId ? { providerId } : {}),
      }),
    'finish:apple-open': async ({ settings, alternatives }) => {
      const t = deps.t();
      return openInAppleMail(settings, {
        dir: filesDir(),
        t: (key, params) => t(key, params),
        ...(alternatives ? { alternatives } : {}),
      });
    },
  };
}
