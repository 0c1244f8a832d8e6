// The one form parser must read every text exactly as URLSearchParams (the URL standard) does,
// count fields as it does, and stop at the field cap.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeNotificationForm } from '../../src/notifications/index.js';
import { splitForm } from '../../src/notifications/form.js';
import { parseFormText } from '../../src/notifications/parse.js';
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

/** The URL standard's form parser (one leading `?` kept, as form.ts does), as URLSearchParams applies it to ASCII. */
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

const split = (text: string, plusIsSpace = true) => splitForm(text, Infinity, plusIsSpace);

describe('splitForm', () => {
  it('reads any text as the URL standard does: bad escapes, invalid UTF-8, lone surrogates, a BOM', () => {
    fc.assert(
      fc.property(fc.oneof(formLikeArb, fc.string({ unit: 'binary', maxLength: 24 }), fc.string({ unit: 'grapheme', maxLength: 12 })), (text) => {
        expect(split(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with URLSearchParams on bodies with many `+` (read in one pass over the bytes)', () => {
    fc.assert(
      fc.property(formLikeArb, formLikeArb, (before, after) => {
        const text = `${before}x=${'+'.repeat(70)}&${after}`;
        expect(split(text)).toEqual(reference(text));
      }),
      { numRuns: 1000 },
    );
    expect(split(`a=${'+'.repeat(70)}%2B&b=1+2`)).toEqual(['a', `${' '.repeat(70)}+`, 'b', '1 2']);
  });

  it('reads every body the encoder writes as URLSearchParams does', () => {
    fc.assert(
      fc.property(fieldsArb, (fields) => {
        const body = encodeNotificationForm(fields);
        expect(split(body)).toEqual(reference(body));
      }),
      { numRuns: 300 },
    );
    const vendor = encodeNotificationForm(VENDOR_FIELDS);
    expect(split(vendor)).toEqual(reference(vendor));
  });

  it('reads bad escapes, invalid UTF-8 and lone surrogates as the standard does, also after a valid field', () => {
    for (const text of ['a=%zz', 'a=%', 'a=%E6x', 'a=%C0%AF', 'a=%ED%A0%80', 'a=\uD800', '\uDC00=1', 'ok=%41&a=%zz&b=%42', 'a=%FF&b=%E6%B5%8B']) {
      expect(split(text), JSON.stringify(text)).toEqual(reference(text));
    }
    expect(split('')).toEqual([]);
    expect(split('&&a&=1&b=c=d&')).toEqual(['a', '', '', '1', 'b', 'c=d']);
  });

  it('reads a short body right after a long one (the byte passes reuse one buffer)', () => {
    const long = `x=${'%ED%A0%80'.repeat(2000)}&p=${'+'.repeat(500)}`;
    expect(split(long)).toEqual(reference(long));
    for (const text of ['a=%FF', `b=${'+'.repeat(70)}`, 'c=%zz&d=%E6%B5%8B']) expect(split(text), text).toEqual(reference(text));
  });

  it('where Node 20 URLSearchParams garbles raw non-ASCII text next to bad escapes, it follows the standard', () => {
    expect(split('测%FF=😀%ED%A0%80')).toEqual(['测\uFFFD', '😀\uFFFD\uFFFD\uFFFD']);
    expect(split('a%C0%AF\uFEFF')).toEqual(['a\uFFFD\uFFFD\uFEFF', '']);
  });

  it('reads `+` literally when asked, as the standard reads %2B', () => {
    fc.assert(
      fc.property(formLikeArb, (text) => {
        expect(split(text, false)).toEqual(reference(text.replace(/\+/g, '%2B')));
      }),
      { numRuns: 1000 },
    );
  });

  it('counts fields as the standard does and stops past maxFields', () => {
    expect(splitForm(`a=1${'&'.repeat(5000)}b=2`, 2)).toEqual(['a', '1', 'b', '2']);
    expect(splitForm('a=1&b=2&c', 2)).toBeUndefined();
    fc.assert(
      fc.property(formLikeArb, fc.nat(6), (text, max) => {
        const fields = reference(text).length / 2;
        expect(splitForm(text, max) === undefined).toBe(fields > max);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseFormText', () => {
  it('gives the same outcome as URLSearchParams would', () => {
    fc.assert(
      fc.property(formLikeArb, (text) => {
        const outcome = parseFormText(text, 256);
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
