/** The result every finishing step answers with: a value, or a stable `FinishCode`. */
import type { FinishCode } from '../../../shared/finish.ts';

export type FinishResult<T> =
  { ok: true; value: T } | { ok: false; code: FinishCode; detail?: string };

/** A failed result with the error's system code (ENOENT, EACCES, ...) as detail. */
export function failedWith(
  code: FinishCode,
  error: unknown,
): { ok: false; code: FinishCode; detail: string } {
  return { ok: false, code, detail: (error as NodeJS.ErrnoException | null)?.code ?? 'error' };
}
