/**
 * The `tag=value; tag=value` lists of DKIM (RFC 6376 §3.2), DMARC (RFC 7489 §6.4), MTA-STS
 * (RFC 8461 §3.1) and TLS-RPT (RFC 8460 §3) records: one parser for all four. Tag names are
 * compared lower-case; whitespace around tags and values is dropped; an empty trailing part
 * (a final `;`) is allowed. A part without `=` or a repeated tag is a syntax error.
 */
export type TagList =
  { ok: true; tags: Map<string, string>; order: string[] } | { ok: false; part: string };

export function parseTagList(text: string): TagList {
  const tags = new Map<string, string>();
  const order: string[] = [];
  const parts = text.split(';');
  for (const [index, raw] of parts.entries()) {
    const part = raw.trim();
    if (part === '') {
      if (index === parts.length - 1 || index === 0) continue;
      return { ok: false, part: raw };
    }
    const eq = part.indexOf('=');
    if (eq <= 0) return { ok: false, part };
    const name = part.slice(0, eq).trim().toLowerCase();
    if (!/^[a-z][a-z0-9_]*$/.test(name) || tags.has(name)) return { ok: false, part };
    tags.set(name, part.slice(eq + 1).trim());
    order.push(name);
  }
  return { ok: true, tags, order };
}
