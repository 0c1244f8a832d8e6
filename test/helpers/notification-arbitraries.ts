// fast-check arbitraries for notification fields: the characters that break naive encoders.
import fc from 'fast-check';

const SPECIAL = ['+', '%', '&', '=', '#', ' ', '?', '/', '"', '{', '}', '[', ']', ',', ':', '测', '试', '元', '。', '（', '）', '😀'];

/** Well-formed text (no lone surrogates: the platform sends UTF-8) rich in encoding hazards. */
export const valueArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.constantFrom(...SPECIAL, 'a', 'Z', '0', '9', '%2B', '%20', '%E6'), maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constant(''),
  // Nested JSON strings, as billPayment/goods arrive.
  fc.json({ maxDepth: 2 }),
);

const NAME_UNITS = ['a', 'b', 'A', 'B', 'z', '0', '1', '_', '.', '-'];

/** Short names from a small alphabet, so names that prefix each other are common. */
export const nameArb: fc.Arbitrary<string> = fc
  .string({ unit: fc.constantFrom(...NAME_UNITS), minLength: 1, maxLength: 4 })
  .map((name) => `q${name}`);

/** Random fields (names never collide with the spec's known fields: all start with `q`). */
export const fieldsArb: fc.Arbitrary<Record<string, string>> = fc
  .uniqueArray(fc.tuple(nameArb, valueArb), { selector: ([name]) => name, minLength: 1, maxLength: 12 })
  .chain((pairs) =>
    fc.constantFrom<undefined | 'MD5' | 'SHA256'>(undefined, 'MD5', 'SHA256').map((signType) => {
      const fields: Record<string, string> = Object.fromEntries(pairs);
      if (signType) fields['signType'] = signType;
      return fields;
    }),
  );

/** Keys as a merchant would configure them: printable, no surrounding whitespace, long enough to spot. */
export const keyArb: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(...'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'),
  minLength: 16,
  maxLength: 48,
});
