/**
 * XML from the network, parsed defensively: a document type declaration or entity declaration
 * is refused before parsing (no entity expansion, no external entities), the text must already
 * be size-bounded by the fetcher, its shape (nesting depth, number of elements and attributes) is
 * bounded by a scan before any DOM is built (a DOM costs far more memory than its text), and the
 * DOM is walked by local names (namespaces ignored).
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import type { Outcome } from './types.ts';

const ELEMENT_NODE = 1;

/** Autoconfig and Autodiscover nest 5 levels deep; this leaves room for extensions. */
export const MAX_XML_DEPTH = 32;
/** Elements plus attributes: a mail setup has tens; 20 servers of 20 values is 400. */
export const MAX_XML_NODES = 5000;

/**
 * Whether the document's shape stays within the bounds: one pass over the text, quote-aware inside
 * tags (an attribute value may hold `>` or `/>`), comments, CDATA and processing instructions
 * skipped. Returns the problem, or null.
 */
export function xmlShapeProblem(text: string): string | null {
  let depth = 0;
  let nodes = 0;
  let i = 0;
  const length = text.length;
  const skipTo = (end: string, from: number): number => {
    const at = text.indexOf(end, from);
    return at < 0 ? length : at + end.length;
  };
  while (i < length) {
    const open = text.indexOf('<', i);
    if (open < 0) break;
    const next = text.charCodeAt(open + 1);
    if (next === 0x21 /* ! */) {
      i = text.startsWith('<!--', open)
        ? skipTo('-->', open + 4)
        : text.startsWith('<![CDATA[', open)
          ? skipTo(']]>', open + 9)
          : skipTo('>', open + 2);
      nodes++;
    } else if (next === 0x3f /* ? */) {
      i = skipTo('?>', open + 2);
    } else {
      // A tag: find its end outside quoted attribute values, count its attributes.
      let quote = 0;
      let attributes = 0;
      let j = open + 1;
      for (; j < length; j++) {
        const c = text.charCodeAt(j);
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === 0x22 || c === 0x27) quote = c;
        else if (c === 0x3d /* = */) attributes++;
        else if (c === 0x3e /* > */) break;
      }
      if (next === 0x2f /* / */) depth--;
      else {
        nodes += 2 + attributes; // the element, its text, its attributes
        if (text.charCodeAt(j - 1) !== 0x2f) depth++;
      }
      if (depth > MAX_XML_DEPTH) return `deeper than ${MAX_XML_DEPTH} levels`;
      if (nodes > MAX_XML_NODES) return `more than ${MAX_XML_NODES} nodes`;
      i = j + 1;
    }
  }
  return null;
}

/** Parses XML text; refuses DOCTYPE/ENTITY (`xml-doctype`) and malformed XML (`xml-invalid`). */
export function parseXml(text: string): Outcome<Element> {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    return { ok: false, error: 'xml-doctype' };
  }
  const shape = xmlShapeProblem(text);
  if (shape) return { ok: false, error: 'xml-too-complex', detail: shape };
  try {
    const parser = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    });
    const root = parser.parseFromString(text, 'text/xml').documentElement;
    if (!root) return { ok: false, error: 'xml-invalid', detail: 'no root element' };
    return { ok: true, value: root };
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : 'parse error';
    return { ok: false, error: 'xml-invalid', detail };
  }
}

/** The local name of an element without prefix, lower-cased for case-tolerant matching. */
function nameOf(element: Element): string {
  return (element.localName ?? element.nodeName).toLowerCase();
}

/** Direct child elements with the given local name (case-insensitive); all when name is omitted. */
export function children(parent: Element, name?: string): Element[] {
  const wanted = name?.toLowerCase();
  const result: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as Element;
    if (wanted === undefined || nameOf(element) === wanted) result.push(element);
  }
  return result;
}

/** The first direct child with that local name, or null. */
export function child(parent: Element, name: string): Element | null {
  return children(parent, name)[0] ?? null;
}

/** Trimmed text of the first direct child with that name, or null when absent. */
export function childText(parent: Element, name: string): string | null {
  const element = child(parent, name);
  return element ? (element.textContent ?? '').trim() : null;
}

/** Whether an element has that local name. */
export function isNamed(element: Element, name: string): boolean {
  return nameOf(element) === name.toLowerCase();
}
