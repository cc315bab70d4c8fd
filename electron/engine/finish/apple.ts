/**
 * Apple Mail on macOS: write the .mobileconfig (the shared exporter's, never with the password)
 * and hand it to the system with `open`, which shows it in System Settings as a downloaded
 * profile for the person to install. Elsewhere a code: the renderer shows the steps for the
 * iPhone/iPad (send the saved file there and open it).
 */
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { appleMobileconfig } from '../../../shared/export/apple-mobileconfig.ts';
import { withoutRawControls } from '../../../shared/export/safe-file.ts';
import type { Alternatives, Translate } from '../../../shared/export/types.ts';
import type { AppleOpen } from '../../../shared/finish.ts';
import type { AccountSettings } from '../../../shared/model.ts';
import { writeFileAtomically } from '../files/atomic-write.ts';
import { failedWith, type FinishResult } from './result.ts';

export interface AppleOptions {
  /** Folder the profile is written to. */
  dir: string;
  /** The person's language, for the profile's display texts. */
  t: Translate;
  alternatives?: Alternatives;
  platform?: NodeJS.Platform;
  /** Opens a file with the system (default: macOS `open`). */
  openFile?: (path: string) => Promise<void>;
}

function systemOpen(path: string): Promise<void> {
  return new Promise((done, fail) => {
    execFile('open', [path], { timeout: 15_000 }, (error) => (error ? fail(error) : done()));
  });
}

export async function openInAppleMail(
  settings: AccountSettings,
  options: AppleOptions,
): Promise<FinishResult<AppleOpen>> {
  if ((options.platform ?? process.platform) !== 'darwin') {
    return { ok: false, code: 'apple-unsupported-platform' };
  }
  const { password: _never, ...withoutPassword } = settings;
  const file = withoutRawControls(
    appleMobileconfig(withoutPassword, {
      alternatives: options.alternatives ?? [],
      includePassword: false,
      t: options.t,
    }).files[0]!,
  );
  const path = join(options.dir, file.filename);
  try {
    await mkdir(options.dir, { recursive: true });
    await writeFileAtomically(path, file.content, { mode: 0o600, replace: true });
    await (options.openFile ?? systemOpen)(path);
  } catch (error) {
    return failedWith('apple-open-failed', error);
  }
  return { ok: true, value: { opened: true, path } };
}
