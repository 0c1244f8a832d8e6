// The node provider's base64 HMAC shortcut (two one-shot hashes over reused buffers) must equal
// createHmac for every key length (short, block-sized, hashed when longer) and message size,
// including strings with lone surrogates (both sides write them as U+FFFD).
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../src/crypto/node.js';
import type { EncodedDigest } from '../../src/crypto/provider.js';

describe('nodeCrypto HMAC shortcut', () => {
  it('matches createHmac on arbitrary keys and messages, strings and bytes, in any order', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 600 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.uint8Array({ maxLength: 600 })), { maxLength: 4 }), (key, messages) => {
        const mac = nodeCrypto.hmacSha256(key) as EncodedDigest;
        for (const message of messages) {
          const expected = createHmac('sha256', key).update(message).digest('base64');
          expect(mac.base64?.(message)).toBe(expected);
          expect(Buffer.from(mac(message) as Uint8Array).toString('base64')).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
