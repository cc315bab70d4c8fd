/**
 * XML from the network, parsed defensively: a document type declaration or entity declaration
 * is refused before parsing (no entity expansion, no external entities), the text must already
 * be size-bounded by the fetcher, and the DOM is walked by local names (namespaces ignored).
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import type { Outcome } from './types.ts';

const ELEMENT_NODE = 1;

/** Parses XML text; refuses DOCTYPE/ENTITY (`xml-doctype`) and malformed XML (`xml-invalid`). */
export function parseXml(text: string): Outcome<Element> {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    return { ok: false, error: 'xml-doctype' };
  }
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
