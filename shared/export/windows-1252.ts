/**
 * Windows-1252 ("ANSI" on Western Windows), the encoding of the published PRF samples: Latin-1 for
 * U+0000-U+007F and U+00A0-U+00FF, and 27 other characters (€, „, “, ”, Š, Ž, Œ, …) in
 * 0x80-0x9F. Five bytes of that range are undefined; nothing maps to them.
 */
const HIGH: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

function byteOf(code: number): number | undefined {
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  return HIGH[code];
}

/** Whether every character of the text has a Windows-1252 byte. */
export function fitsWindows1252(text: string): boolean {
  for (const char of text) if (byteOf(char.codePointAt(0) ?? 0) === undefined) return false;
  return true;
}

/** The text's Windows-1252 bytes; throws on a character that has none (check fits first). */
export function encodeWindows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  let length = 0;
  for (const char of text) {
    const byte = byteOf(char.codePointAt(0) ?? 0);
    if (byte === undefined)
      throw new RangeError(`not in Windows-1252: U+${char.codePointAt(0)?.toString(16)}`);
    bytes[length++] = byte;
  }
  return bytes.subarray(0, length);
}

/** The media type of a file whose text is to be written in Windows-1252. */
export const WINDOWS_1252_TEXT = 'text/plain; charset=windows-1252';

/** The bytes to write for an exported file: Windows-1252 where its media type says so, else UTF-8. */
export function exportFileBytes(file: { mediaType: string; content: string }): Uint8Array {
  return /charset=windows-1252/i.test(file.mediaType)
    ? encodeWindows1252(file.content)
    : new TextEncoder().encode(file.content);
}
