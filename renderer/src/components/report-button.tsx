/** "For your helpdesk": copy or save the report of everything tried so far, in every state of
 * the wizard (also when nothing was found or the search was stopped). Folded: most people never
 * need it, and whoever does finds it at the same place on every step. */
import { useTranslation } from 'react-i18next';
import { useApp } from '../store/context.tsx';
import { useCodeText } from './use-text.ts';

export function ReportButton({ open = false }: { open?: boolean }) {
  const { t } = useTranslation();
  const codeText = useCodeText();
  const copyReport = useApp((s) => s.copyReport);
  const saveReport = useApp((s) => s.saveReport);
  const exported = useApp((s) => s.exported);
  const helpdesk = useApp((s) => s.helpdesk);
  return (
    <details className="report-fold" open={open || helpdesk} data-testid="report-fold">
      <summary>{t('wizard:report.summary')}</summary>
      <p className="hint">{t('wizard:report.hint')}</p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void copyReport()}>
          {t('wizard:report.copy')}
        </button>
        <button type="button" className="secondary" onClick={() => void saveReport()}>
          {t('wizard:report.save')}
        </button>
      </div>
      <p className="outcome" data-testid="report-outcome" aria-live="polite">
        {exported.status === 'copied' && t('wizard:report.copied')}
        {exported.status === 'saved' &&
          t('wizard:export.saved', { paths: exported.paths.join(', ') })}
        {exported.status === 'error' &&
          codeText(['ipc', 'wizard:errors'], exported.code ?? 'unknown').title}
      </p>
    </details>
  );
}
