/**
 * Provider guidance as the sheet and the report receive it (structurally the `Guidance` of
 * `shared/providers/guidance.ts`): sentence keys in the `providers` namespace and a help link.
 */
import type { Translate } from './types.ts';

export interface GuidanceInput {
  code: string;
  provider: string;
  titleKey: string;
  stepKeys: readonly string[];
  url?: string;
  /** Interpolation values for the sentences (e.g. `provider`, the brand name). */
  params?: Readonly<Record<string, string>>;
}

/** Translates a provider key, adding the `providers:` namespace when the key has none. */
export function providerText(
  t: Translate,
  key: string,
  params: Readonly<Record<string, string>> = {},
): string {
  return t(key.includes(':') ? key : `providers:${key}`, { ...params, defaultValue: key });
}

/** Only http(s) links are shown; anything else is dropped. */
export function safeUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
