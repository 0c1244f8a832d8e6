// The fast form splitter must agree with URLSearchParams (the general path) on every body it
// accepts, and hand everything else to it; real bodies must take the fast path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeNotificationForm } from '../../src/notifications/index.js';
import { parseFormText } from '../../src/notifications/parse.js';
import { splitFormBytes } from '../../src/notifications/parse-form-bytes.js';
import { splitFormFast } from '../../src/notifications/parse-form-fast.js';
import { fieldsArb } from '../helpers/notification-arbitraries.js';
import { VENDOR_FIELDS } from '../helpers/notification-fixtures.js';

/**
 * The same form text with every non-ASCII character written as its UTF-8 escapes (lone
 * surrogates as U+FFFD), which the URL standard reads identically. Node 20's URLSearchParams
 * garbles raw non-ASCII text next to a `%` ("测%FF" → "K\uFFFD"), so such text reaches it as ASCII.
 */
function asciiOnly(text: string): string {
  // Without a `%` Node's parser never reaches the code that garbles (and escapes are its slow part).
  if (!text.includes('%') || !NON_ASCII.test(text)) return text;
  let out = '';
  for (const char of (text as string & { toWellFormed(): string }).toWellFormed()) out += char.charCodeAt(0) < 0x80 ? char : encodeURIComponent(char);
  return out;
}
const NON_ASCII = /[^\x00-\x7F]/;

/** The URL standard's form parser (one leading `?` kept, as parse.ts does), as URLSearchParams applies it to ASCII. */
function reference(text: string): string[] {
  return [...new URLSearchParams(`?${asciiOnly(text)}`)].flat();
}

// Form syntax, escapes valid and not (bad hex, truncated, invalid UTF-8, encoded surrogates,
// overlong forms, a BOM), multi-byte text and lone surrogates.
const UNITS = [
  '&', '=', '+', '?', 'a', 'B', '0', ' ', '%', '%2', '%zz', '%20', '%2B', '%26', '%3D', '%25', '%41', '%e6', '%E6%B5%8B',
  '%E6', '%B5', '%C0%AF', '%ED%A0%80', '%F0%9F%98%80', '%F4%90%80%80', '%EF%BB%BF', '%FF', '测', '😀', '\uD800', '\uDC00', '\uFEFF',
];
const formLikeArb = fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 24 });

describe('splitFormFast', () => {
  it('returns exactly what URLSearchParams reads, or leaves the body to it', () => {
    fc.assert(
      fc.property(fc.oneof(formLikeArb, fc.string({ unit: 'binary', maxLength: 24 })), (text) => {
        const fast = splitFormFast(text);
        if (fast !== undefined) expect(fast).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with URLSearchParams on bodies with many `+` (read in one pass over the bytes)', () => {
    fc.assert(
      fc.property(formLikeArb, formLikeArb, (before, after) => {
        const text = `${before}x=${'+'.repeat(70)}&${after}`;
        const fast = splitFormFast(text);
        if (fast !== undefined) expect(fast).toEqual(reference(text));
      }),
      { numRuns: 1000 },
    );
    expect(splitFormFast(`a=${'+'.repeat(70)}%2B&b=1+2`)).toEqual(['a', `${' '.repeat(70)}+`, 'b', '1 2']);
  });

  it('takes every body the encoder writes, and reads it as URLSearchParams does', () => {
    fc.assert(
      fc.property(fieldsArb, (fields) => {
        const body = encodeNotificationForm(fields);
        expect(splitFormFast(body)).toEqual(reference(body));
      }),
      { numRuns: 300 },
    );
    const vendor = encodeNotificationForm(VENDOR_FIELDS);
    expect(splitFormFast(vendor)).toEqual(reference(vendor));
  });

  it('leaves bad escapes, invalid UTF-8 and lone surrogates to the general path', () => {
    for (const text of ['a=%zz', 'a=%', 'a=%E6x', 'a=%C0%AF', 'a=%ED%A0%80', 'a=\uD800', '\uDC00=1']) {
      expect(splitFormFast(text), JSON.stringify(text)).toBeUndefined();
    }
    expect(splitFormFast('')).toEqual([]);
    expect(splitFormFast('&&a&=1&b=c=d&')).toEqual(['a', '', '', '1', 'b', 'c=d']);
  });
});

describe('parseFormText', () => {
  it('gives the same outcome on the fast path as URLSearchParams would', () => {
    fc.assert(
      fc.property(formLikeArb, (text) => {
        const outcome = parseFormText(text);
        const pairs = [...new URLSearchParams(`?${asciiOnly(text)}`)];
        const names = pairs.map(([name]) => name);
        if (new Set(names).size !== names.length) {
          expect(outcome.ok).toBe(false);
        } else {
          expect(outcome.ok).toBe(true);
          if (outcome.ok) {
            expect(outcome.parsed.fields.names).toEqual(names);
            expect({ ...outcome.parsed.fields.values }).toEqual(Object.fromEntries(pairs));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('splitFormBytes (the general path)', () => {
  it('reads any text as the URL standard does: bad escapes, invalid UTF-8, lone surrogates, a BOM', () => {
    fc.assert(
      fc.property(fc.oneof(formLikeArb, fc.string({ unit: 'binary', maxLength: 24 }), fc.string({ unit: 'grapheme', maxLength: 12 })), (text) => {
        expect(splitFormBytes(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('where Node 20 URLSearchParams garbles raw non-ASCII text next to bad escapes, it follows the standard', () => {
    expect(splitFormBytes('测%FF=😀%ED%A0%80')).toEqual(['测\uFFFD', '😀\uFFFD\uFFFD\uFFFD']);
    expect(splitFormBytes('a%C0%AF\uFEFF')).toEqual(['a\uFFFD\uFFFD\uFEFF', '']);
  });

  it('reads `+` literally when asked, as the standard reads %2B', () => {
    fc.assert(
      fc.property(formLikeArb, (text) => {
        expect(splitFormBytes(text, false)).toEqual(reference(text.replace(/\+/g, '%2B')));
      }),
      { numRuns: 1000 },
    );
  });
});
