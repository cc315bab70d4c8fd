/** Step 6: put the account into the person's mail program. One choice of program, one sentence on
 * what happens, one button; the file's text, the administrator's files and the helpdesk report
 * are folded away. A risk the person accepted is said again here. */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { AcceptedRisks } from '../components/consent-box.tsx';
import { ReportButton } from '../components/report-button.tsx';
import { StepHeading } from '../components/step-heading.tsx';
import { settingsText } from '../components/settings-text.ts';
import { forAdministrator, usageKey } from '../../../shared/export/usage.ts';
import { useCodeText } from '../components/use-text.ts';
import { useApp } from '../store/context.tsx';
import { accountSettingsOf, CLIENT_FORMATS, type ClientFormat } from '../store/export-slice.ts';
import { effectiveReport } from '../store/manual-check-slice.ts';
import { acceptedRisks } from '../store/endpoint-risk.ts';

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
  const report = useApp(effectiveReport);
  const consents = useApp((s) => s.settings.consents);
  const language = useApp((s) => s.language);
  // Account and language are inputs of the exporter, which reads them through the store.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const part = useMemo(() => exportFiles(format), [exportFiles, format, account, language]);
  const thunderbird = useApp((s) => s.thunderbird);
  const loadProfiles = useApp((s) => s.loadThunderbirdProfiles);
  const chooseProfile = useApp((s) => s.chooseProfile);
  const finishing = useApp((s) => s.finishing);
  const addToThunderbird = useApp((s) => s.addToThunderbird);
  const importIntoOutlook = useApp((s) => s.importIntoOutlook);
  const openInAppleMail = useApp((s) => s.openInAppleMail);
  const platform = useApp((s) => s.platform);
  const busy = exported.status === 'busy' || finishing.status === 'busy';
  useEffect(() => {
    if (format === 'thunderbird' && thunderbird.status === 'unknown') void loadProfiles();
  }, [format, thunderbird.status, loadProfiles]);
  // Inside the program where the system allows it; otherwise the program's file.
  const direct =
    (format === 'thunderbird' && thunderbird.status === 'ready') ||
    (format === 'outlook' && platform === 'win32') ||
    (format === 'apple' && platform === 'darwin');
  const finishDirect = () => {
    if (busy) return;
    if (format === 'thunderbird') void addToThunderbird();
    else if (format === 'outlook') void importIntoOutlook();
    else if (format === 'apple') void openInAppleMail();
  };
  const saveButton = (primary: boolean) => (
    <button
      type="button"
      className={primary ? 'primary' : 'secondary'}
      aria-disabled={busy || personFiles.length === 0}
      onClick={() => !busy && void saveExport('person')}
    >
      {t(`wizard:export.save-for.${format}`)}
    </button>
  );
  const personFiles = part.files.filter((f) => !forAdministrator(f));
  const adminFiles = part.files.filter((f) => forAdministrator(f));
  const risks = account
    ? acceptedRisks([account.incoming, account.outgoing], report, consents)
    : [];
  // Plaintext is said by the files' own note; a certificate risk by the accepted-risk line.
  const notes = part.notes.filter((n) => n.code !== 'accepted-certificate');

  return (
    <div className="step">
      <StepHeading>{t('wizard:steps.export.title')}</StepHeading>
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
            <label htmlFor={`format-${id}`}>{t(`wizard:export.format.${id}`)}</label>
          </div>
        ))}
      </fieldset>
      <p className="import-hint" data-testid="export-how">
        {t(direct ? `wizard:export.direct-how.${format}` : `wizard:export.how.${format}`)}
      </p>
      {direct && format === 'thunderbird' && thunderbird.profiles.length > 1 && (
        <fieldset className="formats">
          <legend>{t('wizard:export.profile-legend')}</legend>
          {thunderbird.profiles.map((profile, index) => (
            <div key={profile.path} className="radio-row">
              <input
                type="radio"
                id={`profile-${index}`}
                name="profile"
                checked={thunderbird.chosen === profile.path}
                onChange={() => chooseProfile(profile.path)}
              />
              <label htmlFor={`profile-${index}`}>
                {profile.name}
                {profile.accounts.length > 0 && (
                  <span className="hint">
                    {' '}
                    {t('wizard:export.profile-accounts', { accounts: profile.accounts.join(', ') })}
                  </span>
                )}
              </label>
            </div>
          ))}
        </fieldset>
      )}
      {finishing.status === 'error' && finishing.code && (
        <p className="error-text" role="alert" data-testid="finish-error">
          {codeText(['finish:codes', 'ipc', 'wizard:errors'], finishing.code).title}
        </p>
      )}
      <AcceptedRisks risks={risks.filter((r) => r.reason === 'cert')} />
      {notes.length > 0 && (
        <ul className="notes" data-testid="export-notes">
          {notes.map((note, index) => (
            <li key={`${note.code}-${index}`} className={`note note-${note.severity}`}>
              <span aria-hidden="true">{note.severity === 'warning' ? '⚠ ' : 'ℹ '}</span>
              {t(`export:notes.${note.code}`, note.params)}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        {format === 'sheet' ? (
          <button
            type="button"
            className="primary"
            aria-disabled={busy}
            onClick={() => !busy && void printSheet()}
          >
            {t('wizard:export.print')}
          </button>
        ) : direct ? (
          <button type="button" className="primary" aria-disabled={busy} onClick={finishDirect}>
            {t(`wizard:export.direct.${format}`)}
          </button>
        ) : (
          saveButton(true)
        )}
        {/* After a failed direct finish (or for a new profile): the program's file. */}
        {direct && (finishing.status === 'error' || format !== 'thunderbird') && saveButton(false)}
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
      {/* The file's text is for the curious and for helpdesk staff: folded away. */}
      {format !== 'sheet' && personFiles.length > 0 && (
        <details className="file-details">
          <summary>{t('wizard:export.show-content')}</summary>
          {personFiles.map((file) => (
            <div key={file.filename} className="file" data-testid="export-file">
              <h2 className="filename">{file.filename}</h2>
              {usageKey(file) && <p className="import-hint">{t(usageKey(file) ?? '')}</p>}
              <pre
                className="file-content"
                tabIndex={0}
                aria-label={t('wizard:export.content-of', { filename: file.filename })}
              >
                {file.content.length > PREVIEW_CHARS
                  ? `${file.content.slice(0, PREVIEW_CHARS)}\n…`
                  : file.content}
              </pre>
            </div>
          ))}
          {/* user.js stays an option for a new profile when the account can be added directly. */}
          {direct && format === 'thunderbird' && finishing.status !== 'error' && saveButton(false)}
        </details>
      )}
      {format === 'sheet' && account && (
        <details className="file-details">
          <summary>{t('wizard:export.show-sheet')}</summary>
          <pre className="file-content" tabIndex={0} aria-label={t('wizard:export.show-sheet')}>
            {settingsText(t, account)}
          </pre>
        </details>
      )}
      {adminFiles.length > 0 && (
        <details className="admin-files" data-testid="admin-files">
          <summary>{t('wizard:export.for-admin')}</summary>
          {adminFiles.map((file) => (
            <p key={file.filename} className="hint">
              <strong>{file.filename}</strong>: {t(usageKey(file) ?? '')}
            </p>
          ))}
          <button
            type="button"
            className="secondary"
            aria-disabled={busy}
            onClick={() => !busy && void saveExport('admin')}
          >
            {t('wizard:export.save-admin', { count: adminFiles.length })}
          </button>
        </details>
      )}
      <ReportButton />
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
