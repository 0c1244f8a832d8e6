// The byte encoders behind signatures: checked against the platform's own btoa and a plain hex.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBase64, toHex } from '../../src/crypto/encoding.js';

describe('encoding', () => {
  it('toBase64 matches btoa for every length and byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(toBase64(bytes)).toBe(btoa(String.fromCharCode(...bytes)));
      }),
      { numRuns: 1000 },
    );
    expect(toBase64(new Uint8Array(0))).toBe('');
  });

  it('toHex is lowercase, two digits per byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(toHex(bytes)).toBe([...bytes].map((b) => b.toString(16).padStart(2, '0')).join(''));
      }),
    );
  });
});
