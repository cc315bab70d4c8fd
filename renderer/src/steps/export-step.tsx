/** Step 6: choose the mail program, preview its file, save it through the system dialog, print the
 * settings sheet to PDF or copy the settings; each file with its short import instructions. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { StepHeading } from '../components/step-heading.tsx';
import { importKeyOf, personFirst, settingsText } from '../components/settings-text.ts';
import { useCodeText } from '../components/use-text.ts';
import { useApp } from '../store/context.tsx';
import { accountSettingsOf, CLIENT_FORMATS, type ClientFormat } from '../store/export-slice.ts';

const PREVIEW_CHARS = 6000;

export function ExportStep() {
  const { t } = useTranslation();
  const codeText = useCodeText();
  const format = useApp((s) => s.exportFormat);
  const exported = useApp((s) => s.exported);
  const setFormat = useApp((s) => s.setExportFormat);
  const exportFiles = useApp((s) => s.exportFiles);
  const saveExport = useApp((s) => s.saveExport);
  const printSheet = useApp((s) => s.printSheet);
  const copyText = useApp((s) => s.copyText);
  const back = useApp((s) => s.back);
  const restart = useApp((s) => s.restart);
  const account = useApp(useShallow(accountSettingsOf));
  const language = useApp((s) => s.language);
  // Account and language are inputs of the exporter, which reads them through the store.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const part = useMemo(() => exportFiles(format), [exportFiles, format, account, language]);
  const busy = exported.status === 'busy';

  return (
    <div className="step">
      <StepHeading>{t('wizard:steps.export.title')}</StepHeading>
      <p className="intro">{t('wizard:export.intro')}</p>
      <fieldset className="formats">
        <legend>{t('wizard:export.format-legend')}</legend>
        {CLIENT_FORMATS.map((id: ClientFormat) => (
          <div key={id} className="radio-row">
            <input
              type="radio"
              id={`format-${id}`}
              name="format"
              value={id}
              checked={format === id}
              onChange={() => setFormat(id)}
            />
            <label htmlFor={`format-${id}`}>
              {t(`wizard:export.format.${id}`)}
              <span className="hint"> {t(`wizard:export.format-hint.${id}`)}</span>
            </label>
          </div>
        ))}
      </fieldset>
      {part.notes.length > 0 && (
        <ul className="notes" data-testid="export-notes">
          {part.notes.map((note, index) => (
            <li key={`${note.code}-${index}`} className={`note note-${note.severity}`}>
              <span aria-hidden="true">{note.severity === 'warning' ? '⚠ ' : 'ℹ '}</span>
              {t(`export:notes.${note.code}`, note.params)}
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="preview-heading" className="preview">
        <h2 id="preview-heading">{t('wizard:export.preview')}</h2>
        {personFirst(part.files).map((file) => {
          const importKey = importKeyOf(file.filename);
          return (
            <div key={file.filename} className="file" data-testid="export-file">
              <h3 className="filename">{file.filename}</h3>
              {importKey && <p className="import-hint">{t(importKey)}</p>}
              {/* The file's text is for the curious and for helpdesk staff: folded away. */}
              {format !== 'sheet' && (
                <details className="file-details">
                  <summary>{t('wizard:export.show-content')}</summary>
                  <pre
                    className="file-content"
                    tabIndex={0}
                    aria-label={t('wizard:export.content-of', { filename: file.filename })}
                  >
                    {file.content.length > PREVIEW_CHARS
                      ? `${file.content.slice(0, PREVIEW_CHARS)}\n…`
                      : file.content}
                  </pre>
                </details>
              )}
            </div>
          );
        })}
        {format === 'sheet' && account && (
          <pre className="file-content" tabIndex={0} aria-label={t('wizard:export.preview')}>
            {settingsText(t, account)}
          </pre>
        )}
      </section>
      <div className="actions">
        <button
          type="button"
          className="primary"
          aria-disabled={busy || part.files.length === 0}
          onClick={() => !busy && void saveExport()}
        >
          {t('wizard:export.save', { count: part.files.length })}
        </button>
        <button
          type="button"
          className="secondary"
          aria-disabled={busy}
          onClick={() => !busy && void printSheet()}
        >
          {t('wizard:export.print')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => account && void copyText(settingsText(t, account))}
        >
          {t('wizard:export.copy')}
        </button>
      </div>
      <p className="outcome" data-testid="export-outcome">
        {exported.status === 'saved' &&
          t('wizard:export.saved', { paths: exported.paths.join(', ') })}
        {exported.status === 'printed' &&
          t('wizard:export.printed', { path: exported.paths[0] ?? '' })}
        {exported.status === 'copied' && t('wizard:export.copied')}
        {exported.status === 'cancelled' && t('wizard:export.cancelled')}
        {exported.status === 'error' && (
          <span className="error-text">
            {codeText(['ipc', 'wizard:errors'], exported.code ?? 'unknown').title}
          </span>
        )}
      </p>
      <div className="step-nav">
        <button type="button" className="secondary" onClick={() => back()}>
          {t('common:back')}
        </button>
        <button type="button" className="secondary" onClick={() => restart()}>
          {t('wizard:export.restart')}
        </button>
      </div>
    </div>
  );
}
