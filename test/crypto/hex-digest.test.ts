// The hex shortcut (CryptoProvider.hexDigest) and the case-insensitive compare must agree exactly
// with the byte digests and with a plain comparison: they change speed, never answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timingSafeEqualHexIgnoringCase, toHex } from '../../src/crypto/encoding.js';
import { nobleCrypto } from '../../src/crypto/noble.js';
import { nodeCrypto } from '../../src/crypto/node.js';

describe('nodeCrypto.hexDigest', () => {
  it('is the lowercase hex of md5/sha256 for any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 64 }), async (text) => {
        for (const algorithm of ['md5', 'sha256'] as const) {
          const expected = toHex(await nobleCrypto[algorithm](text));
          expect(nodeCrypto.hexDigest!(algorithm, text)).toBe(expected);
          expect(toHex(await nodeCrypto[algorithm](text))).toBe(expected);
        }
      }),
    );
  });
});

describe('timingSafeEqualHexIgnoringCase', () => {
  const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), maxLength: 8 });

  it('equals comparing the lowercased strings, for hex input', () => {
    fc.assert(
      fc.property(hex, hex, (a, b) => {
        expect(timingSafeEqualHexIgnoringCase(a, b)).toBe(a.toLowerCase() === b.toLowerCase());
        expect(timingSafeEqualHexIgnoringCase(a, a.toUpperCase())).toBe(true);
      }),
    );
  });
});
