// The text-body size limit counts UTF-8 bytes without encoding the text (parse.ts exceedsBytes):
// it must agree with TextEncoder on every string, lone surrogates (sent as U+FFFD) included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyNotification } from '../../src/notifications/index.js';

const encodedLength = (text: string) => new TextEncoder().encode(text).length;

describe('maxBodyBytes on a text body', () => {
  it('refuses exactly the texts whose UTF-8 form is over the limit', async () => {
    const unit = fc.constantFrom('a', '=', '&', 'é', '测', '😀', '\uD800', '\uDC00', '\uDBFF\uDFFF');
    await fc.assert(
      fc.asyncProperty(fc.string({ unit, minLength: 1, maxLength: 40 }), fc.integer({ min: -2, max: 2 }), async (text, delta) => {
        const limit = Math.max(1, encodedLength(text) + delta);
        const result = await verifyNotification(text, { key: 'k', maxBodyBytes: limit });
        expect(!result.ok && result.reason === 'body-too-large').toBe(encodedLength(text) > limit);
      }),
      { numRuns: 400 },
    );
  });
});
