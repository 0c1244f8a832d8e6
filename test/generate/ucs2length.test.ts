// The validators carry their own ucs2length (scripts/codegen/validators.mjs) instead of ajv's
// CommonJS helper: it must count exactly as ajv's does, lone surrogates included.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UCS2LENGTH_ESM } from '../../scripts/codegen/validators.mjs';

const ajvCount = (createRequire(import.meta.url)('ajv/dist/runtime/ucs2length') as { default: (text: string) => number }).default;
const ownCount = new Function(`${UCS2LENGTH_ESM}\nreturn ucs2length;`)() as (text: string) => number;
/** Any UTF-16 code unit, so lone and reversed surrogates come up often. */
const codeUnits = fc.string({ unit: fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff })).map((unit) => String.fromCharCode(unit)), maxLength: 40 });

describe('the validators’ ucs2length', () => {
  it('counts as ajv’s runtime helper does', () => {
    expect(ownCount('a😀b\ud800\udc00\udc00\ud800')).toBe(ajvCount('a😀b\ud800\udc00\udc00\ud800'));
    fc.assert(fc.property(codeUnits, (text) => ownCount(text) === ajvCount(text)), { numRuns: 2000 });
  });
});
