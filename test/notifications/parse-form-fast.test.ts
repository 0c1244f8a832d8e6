// The fast form splitter must agree with URLSearchParams (the general path) on every body it
// accepts, and hand everything else to it; real bodies must take the fast path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeNotificationForm } from '../../src/notifications/index.js';
import { parseFormText } from '../../src/notifications/parse.js';
import { splitFormFast } from '../../src/notifications/parse-form-fast.js';
import { fieldsArb } from '../helpers/notification-arbitraries.js';
import { VENDOR_FIELDS } from '../helpers/notification-fixtures.js';

/** What the general path reads: the URL standard's form parser (one leading `?` kept, as parse.ts does). */
function reference(text: string): string[] {
  return [...new URLSearchParams(`?${text}`)].flat();
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
        const pairs = [...new URLSearchParams(`?${text}`)];
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
