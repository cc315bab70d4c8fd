/**
 * The printable settings sheet (`settings.html`), in the person's language: both servers with
 * port, security and username, provider guidance (app passwords, "enable IMAP first") and what to
 * check by hand. Self-contained: inline CSS with print rules, no scripts, no remote content, a
 * `lang` attribute, and `dir="auto"` around names so right-to-left text shows correctly. The app
 * prints it to PDF. It never shows a password.
 */
import type { AccountSettings, Endpoint } from '../model.ts';
import { providerText, safeUrl, type GuidanceInput } from './guidance.ts';
import type { ExportNote, ExportPart, Translate } from './types.ts';
import { escapeXml as esc } from './xml.ts';

export interface SheetOptions {
  t: Translate;
  /** BCP 47 language of `t`, for the `lang` attribute and the date. */
  language: string;
  guidance?: readonly GuidanceInput[];
  notes?: readonly ExportNote[];
  now?: Date;
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 system-ui, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif; color: #111;
  margin: 0; padding: 24px; background: #fff; }
main { max-width: 46rem; margin: 0 auto; }
h1 { font-size: 20pt; margin: 0 0 4px; }
h2 { font-size: 13pt; margin: 22px 0 6px; border-bottom: 1px solid #999; padding-bottom: 2px; }
.lead { margin: 0 0 14px; color: #333; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: start; vertical-align: top; padding: 5px 8px; border: 1px solid #bbb; }
th { width: 34%; background: #f1f1f1; font-weight: 600; }
td.value { font-family: ui-monospace, "DejaVu Sans Mono", Consolas, monospace;
  overflow-wrap: anywhere; }
.warning { border-inline-start: 4px solid #b45309; padding: 4px 10px; background: #fff7ed; }
.info { border-inline-start: 4px solid #1d4ed8; padding: 4px 10px; background: #eff6ff; }
ol, ul { padding-inline-start: 1.4em; }
footer { margin-top: 26px; font-size: 9pt; color: #555; }
@page { size: A4; margin: 16mm; }
@media print {
  body { padding: 0; }
  h2, table, section { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

/** A table row; `kind` 'name' adds dir="auto", 'words' drops the typewriter font. */
function row(label: string, value: string, kind: 'value' | 'name' | 'words' = 'value'): string {
  const attrs = kind === 'words' ? '' : ` class="value"${kind === 'name' ? ' dir="auto"' : ''}`;
  return `<tr><th scope="row">${esc(label)}</th><td${attrs}>${esc(value)}</td></tr>`;
}

function serverSection(t: Translate, kind: 'incoming' | 'outgoing', ep: Endpoint): string {
  return [
    `<section class="server" id="${kind}">`,
    `<h2>${esc(t(`export:sheet.${kind}`, { protocol: ep.protocol.toUpperCase() }))}</h2>`,
    '<table>',
    row(t('export:sheet.server'), ep.host),
    row(t('export:sheet.port'), String(ep.port)),
    row(t('export:sheet.security'), t(`export:security.${ep.security}`), 'words'),
    row(t('export:sheet.username'), ep.username, 'name'),
    row(t('export:sheet.authentication'), t('export:sheet.normalPassword'), 'words'),
    '</table>',
    '</section>',
  ].join('\n');
}

function guidanceSection(t: Translate, guidance: readonly GuidanceInput[]): string {
  if (guidance.length === 0) return '';
  const items = guidance.map((g) => {
    const url = safeUrl(g.url);
    return [
      `<h3>${esc(providerText(t, g.titleKey, g.params))}</h3>`,
      '<ol>',
      ...g.stepKeys.map((key) => `<li>${esc(providerText(t, key, g.params))}</li>`),
      '</ol>',
      url ? `<p>${esc(t('export:sheet.helpLink'))} <a href="${esc(url)}">${esc(url)}</a></p>` : '',
    ].join('\n');
  });
  return [
    '<section id="guidance">',
    `<h2>${esc(t('export:sheet.guidance'))}</h2>`,
    ...items,
    '</section>',
  ].join('\n');
}

function notesSection(t: Translate, notes: readonly ExportNote[]): string {
  const seen = new Set<string>();
  const unique = notes.filter((n) => {
    const key = `${n.code}|${JSON.stringify(n.params)}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  if (unique.length === 0) return '';
  return [
    '<section id="notes">',
    `<h2>${esc(t('export:sheet.checkByHand'))}</h2>`,
    ...unique.map(
      (n) => `<p class="${n.severity}">${esc(t(`export:notes.${n.code}`, n.params))}</p>`,
    ),
    '</section>',
  ].join('\n');
}

/** Renders the sheet; `settings.password` is never read. */
export function settingsSheet(settings: AccountSettings, options: SheetOptions): ExportPart {
  const { t } = options;
  const now = options.now ?? new Date();
  const date = new Intl.DateTimeFormat(options.language, { dateStyle: 'long' }).format(now);
  const title = t('export:sheet.title');
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${esc(options.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${esc(title)} – ${esc(settings.address)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${esc(title)}</h1>`,
    `<p class="lead">${esc(t('export:sheet.intro'))}</p>`,
    '<table id="account">',
    row(t('export:sheet.address'), settings.address, 'name'),
    ...(settings.displayName
      ? [row(t('export:sheet.displayName'), settings.displayName, 'name')]
      : []),
    '</table>',
    serverSection(t, 'incoming', settings.incoming),
    serverSection(t, 'outgoing', settings.outgoing),
    '<section id="password">',
    `<h2>${esc(t('export:sheet.passwordHeading'))}</h2>`,
    `<p>${esc(t('export:sheet.passwordText'))}</p>`,
    '</section>',
    guidanceSection(t, options.guidance ?? []),
    notesSection(t, options.notes ?? []),
    `<footer>${esc(t('export:sheet.generated', { date }))}</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
  return {
    files: [
      {
        filename: 'settings.html',
        mediaType: 'text/html',
        content: `${html}\n`,
        usage: 'settingsSheet',
      },
    ],
    notes: [],
  };
}
