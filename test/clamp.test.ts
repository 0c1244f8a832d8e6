// The one lenient numeric-option reader (src/clamp.ts), used by retry policies, per-call limits,
// the token cache's lock options and every store's TTLs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampNumber, wholeMs } from '../src/clamp.js';

describe('clampNumber', () => {
  it('keeps a finite number inside [min, max] and pulls others to the nearest bound', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -1000, max: 1000 }), fc.nat(1000), (value, min, width) => {
        const max = min + width;
        const out = clampNumber(value, 42, min, max);
        expect(out).toBeGreaterThanOrEqual(min);
        expect(out).toBeLessThanOrEqual(max);
        if (value >= min && value <= max) expect(out).toBe(value);
      }),
    );
  });

  it('gives the fallback for anything that is not a finite number', () => {
    for (const value of [undefined, null, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '5', {}]) {
      expect(clampNumber(value, 7, 0, 10)).toBe(7);
    }
  });
});

describe('wholeMs', () => {
  it('is a whole number of milliseconds, at least 1', () => {
    expect([wholeMs(0), wholeMs(-5), wholeMs(0.4), wholeMs(1500.9), wholeMs(1500.1, Math.ceil), wholeMs(Number.NaN)]).toEqual([1, 1, 1, 1500, 1501, 1]);
  });
});
