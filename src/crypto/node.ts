import * as nodeCryptoModule from 'node:crypto';
import { createHash, createHmac, type BinaryLike } from 'node:crypto';
import type { CryptoProvider, EncodedDigest } from './provider.js';

// One-shot hashing (Node ≥20.12) skips creating a Hash object; detected, since engines allow 20.0.
type OneShot = (algorithm: string, data: BinaryLike, encoding: 'hex') => string;
const oneShot = (nodeCryptoModule as unknown as { hash?: OneShot }).hash;

const sha256Hex: (data: Uint8Array | string) => string =
  typeof oneShot === 'function' ? (data) => oneShot('sha256', data, 'hex') : (data) => createHash('sha256').update(data).digest('hex');

/** The signer's shortcuts (provider.ts): OpenSSL writes hex and base64 itself, no JS encoding loop. */
const sha256: EncodedDigest = Object.assign((data: Uint8Array | string) => createHash('sha256').update(data).digest(), { hex: sha256Hex });

/** Node-only: synchronous OpenSSL hashing, several times faster than Web Crypto's async hop on Node 20. */
export const nodeCrypto: CryptoProvider = {
  name: 'node',
  sha256,
  md5: (data) => createHash('md5').update(data).digest(),
  hmacSha256(key) {
    const mac: EncodedDigest = Object.assign((data: Uint8Array | string) => createHmac('sha256', key).update(data).digest(), {
      base64: (data: Uint8Array | string) => createHmac('sha256', key).update(data).digest('base64'),
    });
    return mac;
  },
};
