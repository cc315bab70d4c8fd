/**
 * Characters that must never reach a terminal or an exported file unescaped: C0 controls (the
 * terminal escape ESC among them), DEL, C1 controls (U+0080-U+009F, some terminals act on them),
 * the line and paragraph separators, and the bidirectional controls that reorder what a person
 * reads (U+061C, U+200E/F, U+202A-U+202E, U+2066-U+2069: "Trojan Source").
 */

/* eslint-disable no-control-regex -- these characters are what the patterns are for */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_RUNS =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;
const UNSAFE_EACH = new RegExp(UNSAFE.source, 'g');
// A terminal's own line breaks and tabs stay.
const UNSAFE_IN_LINES =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/** Whether the text holds any unsafe character. */
export function hasUnsafeChars(text: string): boolean {
  return UNSAFE.test(text);
}

/**
 * The text with every run of unsafe characters replaced by one space (`each`: one space per
 * character, for formats whose columns or lengths must not shift).
 */
export function dropUnsafeChars(text: string, each = false): string {
  return each ? text.replace(UNSAFE_EACH, ' ') : text.replace(UNSAFE_RUNS, ' ');
}

/**
 * Text for a terminal: line breaks and tabs kept, every other unsafe character shown as its code
 * (`\u202e`), so it is visible and acts on nothing. `keep` lets the caller's own escape sequences
 * (colours) through.
 */
export function escapeUnsafeChars(text: string, keep?: RegExp): string {
  const escape = (part: string): string =>
    part.replace(
      UNSAFE_IN_LINES,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  if (!keep) return escape(text);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(new RegExp(keep.source, 'g'))) {
    out += escape(text.slice(last, match.index)) + match[0];
    last = (match.index ?? 0) + match[0].length;
  }
  return out + escape(text.slice(last));
}

/**
 * File text with every unsafe character written as the format's own escape, so that no exported
 * file holds one raw (a viewer or terminal showing the file acts on nothing) while the mail
 * program still reads the same value: `&#x202e;` in markup, `\u202e` in JSON and JavaScript,
 * where such characters only occur inside strings. Line breaks and tabs stay.
 */
export function escapeUnsafeCharsIn(text: string, format: 'markup' | 'json'): string {
  if (format === 'json') return escapeUnsafeChars(text);
  return text.replace(UNSAFE_IN_LINES, (char) => `&#x${char.charCodeAt(0).toString(16)};`);
}
