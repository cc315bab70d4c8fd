/**
 * Escaping for every markup format the exporters write (XML, plist, HTML). Anything that came from
 * a person or a server goes through here: display names with quotes, ampersands, emoji or
 * right-to-left text stay intact, and characters XML 1.0 cannot carry at all (control characters,
 * lone surrogates, U+FFFE/U+FFFF) become U+FFFD so the output is always well-formed.
 */
import type { ExportPart } from './types.ts';
import type { FileUsage } from './usage.ts';

/** Characters that are not allowed anywhere in an XML 1.0 document. */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // Line breaks and tabs as character references survive attribute-value normalisation and
  // CRLF folding, so what a parser reads back is exactly what was written.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Replaces what XML cannot contain with U+FFFD. */
export function xmlSafe(value: string): string {
  return value.replace(FORBIDDEN, '\uFFFD');
}

/** Escapes a value for XML/HTML text or a quoted attribute value. */
export function escapeXml(value: string | number): string {
  return xmlSafe(String(value)).replace(/[&<>"'\t\n\r]/g, (ch) => ENTITIES[ch] ?? ch);
}

/** `<name>value</name>`, escaped. */
export function element(name: string, value: string | number): string {
  return `<${name}>${escapeXml(value)}</${name}>`;
}

/** Indents each line of a block by `depth` levels of two spaces. */
export function indent(lines: readonly string[], depth: number): string[] {
  const pad = '  '.repeat(depth);
  return lines.map((line) => (line ? pad + line : line));
}

/** An element holding child lines: the opening tag, the children one level deeper, the end tag. */
export function block(openTag: string, children: readonly string[]): string[] {
  const name = /^<([^\s>]+)/.exec(openTag)?.[1] ?? '';
  return [openTag, ...indent(children, 1), `</${name}>`];
}

/** One XML file as an export part with no notes: the lines after the declaration, joined. */
export function xmlFilePart(
  filename: string,
  usage: FileUsage,
  declaration: string,
  root: readonly string[],
): ExportPart {
  const content = [declaration, ...root, ''].join('\n');
  return { files: [{ filename, mediaType: 'application/xml', content, usage }], notes: [] };
}
