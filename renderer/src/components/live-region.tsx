/** The polite live region: announces step changes and operation progress without moving focus
 * (WCAG 4.1.3). Params whose name ends in `Key` are i18n keys and are translated first. */
import { useTranslation } from 'react-i18next';
import { useApp } from '../store/context.tsx';

export function LiveRegion() {
  const { t } = useTranslation();
  const announcement = useApp((s) => s.announcement);
  let text = '';
  if (announcement) {
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(announcement.params ?? {})) {
      if (name.endsWith('Key')) params[name.slice(0, -3)] = t(String(value));
      else params[name] = value;
    }
    text = t(announcement.key, params);
  }
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live">
      {text}
    </div>
  );
}
