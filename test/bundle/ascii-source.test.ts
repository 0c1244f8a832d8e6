// Built files are ASCII (scripts/bundle/ascii-source.ts): the escapes mean the same characters in
// comments, regular expressions (with and without the `u` flag) and strings. That the real build
// has no non-ASCII character left is checked by `npm run check:size` on the staged package.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeNonAscii } from '../../scripts/bundle/ascii-source.js';

const evaluate = (code: string): unknown => new Function(`return ${code};`)();

describe('escapeNonAscii', () => {
  it('keeps what regular expressions and strings match, astral characters included', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '时', '间', 'é', '😀', '-', ' '), maxLength: 8 });
    fc.assert(
      fc.property(text, text, (pattern, subject) => {
        const source = pattern.replace(/[-]/g, '');
        for (const flags of ['', 'u', 'i']) {
          const literal = `/${source || '(?:)'}/${flags}`;
          const escaped = escapeNonAscii(literal, 'test.js');
          expect(escaped).toMatch(/^[\x00-\x7f]*$/);
          expect((evaluate(escaped) as RegExp).test(subject)).toBe((evaluate(literal) as RegExp).test(subject));
        }
        expect(evaluate(escapeNonAscii(JSON.stringify(subject), 'test.js'))).toBe(subject);
      }),
      { numRuns: 500 },
    );
    expect(escapeNonAscii('/* “q” */ 1', 'test.js')).toBe('/* \\u201Cq\\u201D */ 1');
  });

  it('refuses a non-ASCII character after a backslash, whose escape would mean something else', () => {
    expect(() => escapeNonAscii('/\\时/', 'x.js')).toThrow(/x\.js: a non-ASCII character right after a backslash/);
  });
});
