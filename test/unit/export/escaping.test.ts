/**
 * Property tests: whatever text a name holds (any Unicode, control characters, lone surrogates,
 * markup), every file stays well-formed and a parser reads the name back (XML 1.0 cannot carry
 * some characters at all; those become U+FFFD).
 */
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { JSDOM } from 'jsdom';
import { parse as parsePlist } from 'plist';
import { describe, expect, it } from 'vitest';
import { appleMobileconfig } from '../../../shared/export/apple-mobileconfig.ts';
import { outlookAutodiscover } from '../../../shared/export/outlook-autodiscover.ts';
import { settingsSheet } from '../../../shared/export/settings-sheet.ts';
import { prefString } from '../../../shared/export/thunderbird-prefs.ts';
import { xmlSafe } from '../../../shared/export/xml.ts';
import { JANE, translator, xmlParser } from './fixtures.ts';

const NAMES = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom('"', '&amp;', ']]>', '<!--', '\r\n', ' lead', 'trail ', '\uD800', '\u202Eevil'),
);
const nonEmpty = NAMES.filter((s) => s.length > 0);
const t = translator('en');

describe('escaping of names', () => {
  it('Autodiscover XML stays well-formed and gives the name back', () => {
    fc.assert(
      fc.property(nonEmpty, (name) => {
        const xml = outlookAutodiscover({ ...JANE, displayName: name }).files[0]!.content;
        expect(XMLValidator.validate(xml)).toBe(true);
        const doc = xmlParser.parse(xml);
        expect(String(doc.Autodiscover.Response.User.DisplayName)).toBe(xmlSafe(name));
      }),
      { numRuns: 300 },
    );
  });

  it('the Apple profile stays a valid plist and gives the name back', () => {
    fc.assert(
      fc.property(nonEmpty, (name) => {
        const xml = appleMobileconfig({ ...JANE, displayName: name }).files[0]!.content;
        expect(XMLValidator.validate(xml)).toBe(true);
        const profile = parsePlist(xml) as { PayloadContent: Array<Record<string, unknown>> };
        expect(profile.PayloadContent[0]!.EmailAccountName).toBe(xmlSafe(name));
      }),
      { numRuns: 300 },
    );
  });

  it('a user.js string literal reads back exactly', () => {
    fc.assert(
      fc.property(NAMES, (name) => {
        const literal = prefString(name);
        expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
        expect(JSON.parse(literal)).toBe(name);
      }),
      { numRuns: 500 },
    );
  });

  it('the settings sheet shows the name as text, never as markup', () => {
    fc.assert(
      fc.property(nonEmpty, (name) => {
        const html = settingsSheet({ ...JANE, displayName: name }, { t, language: 'en' }).files[0]!
          .content;
        const doc = new JSDOM(html).window.document;
        expect(doc.querySelectorAll('script, iframe, img, object')).toHaveLength(0);
        const cell = doc.querySelectorAll('#account td')[1]!;
        expect(cell.textContent).toBe(xmlSafe(name));
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
