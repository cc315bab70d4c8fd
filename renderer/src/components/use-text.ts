/**
 * Sentences for stable codes from the namespaces other parts own (`verify`, `findings`, `ipc`,
 * `discovery`, `address`, ...). A code's words are either `<ns>:<code>` or `<ns>:<code>.title` with
 * an optional `.hint`; a scope may also be a key prefix such as `wizard:errors`. A code without
 * words yet is shown as the code itself, never as an empty line.
 */
import { useTranslation } from 'react-i18next';

export interface CodeText {
  title: string;
  hint: string | null;
}

type Params = Record<string, string | number | undefined>;

/** Scope `verify` and code `timeout` give verify:timeout; scope `wizard:errors` gives wizard:errors.<code>. */
function keyOf(scope: string, code: string): string {
  return scope.includes(':') ? `${scope}.${code}` : `${scope}:${code}`;
}

export function useCodeText(): (scopes: string[], code: string, params?: Params) => CodeText {
  const { t, i18n } = useTranslation();
  return (scopes, code, params = {}) => {
    for (const scope of scopes) {
      const base = keyOf(scope, code);
      if (i18n.exists(`${base}.title`)) {
        const hint = i18n.exists(`${base}.hint`) ? t(`${base}.hint`, params) : null;
        return { title: t(`${base}.title`, params), hint };
      }
      if (i18n.exists(base) && typeof t(base, { returnObjects: true }) === 'string') {
        return { title: t(base, params), hint: null };
      }
    }
    return { title: code, hint: null };
  };
}
