/**
 * The last step of every exported file, whoever writes it (the export step, the app's save, the
 * Apple and Outlook finishing): no raw control character or bidi override stays in it.
 */
import { escapeUnsafeChars, escapeUnsafeCharsIn } from '../control-chars.ts';
import type { ExportFile } from './types.ts';

/**
 * The file with no raw control character or bidi override left in it: escaped in the format's
 * own way where it has one (markup, JSON, JavaScript), shown as its code in plain text. The
 * PRF has no escape; its values lose them (`prfValue`). The CLI refuses such names before this.
 */
export function withoutRawControls(file: ExportFile): ExportFile {
  if (file.filename.endsWith('.prf')) return file;
  const json = /\.(json|js)$/.test(file.filename);
  const markup = /\.(xml|html|mobileconfig)$/.test(file.filename);
  const content = json
    ? escapeUnsafeCharsIn(file.content, 'json')
    : markup
      ? escapeUnsafeCharsIn(file.content, 'markup')
      : escapeUnsafeChars(file.content);
  return content === file.content ? file : { ...file, content };
}
