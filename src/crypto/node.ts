import * as nodeCryptoModule from 'node:crypto';
import type { CryptoProvider } from './provider.js';

const { createHash, createHmac } = nodeCryptoModule;

// One-shot hashing (Node ≥ 20.12) skips the Hash object; older Node 20 releases fall back.
const oneShot: typeof nodeCryptoModule.hash | undefined = typeof nodeCryptoModule.hash === 'function' ? nodeCryptoModule.hash : undefined;

/** Node-only: synchronous OpenSSL hashing, several times faster than Web Crypto's async hop on Node 20. */
export const nodeCrypto: CryptoProvider = {
  name: 'node',
  sha256: (data) => createHash('sha256').update(data).digest(),
  md5: (data) => createHash('md5').update(data).digest(),
  hmacSha256(key) {
    return (data) => createHmac('sha256', key).update(data).digest();
  },
  hexDigest: oneShot
    ? (algorithm, text) => oneShot(algorithm, text, 'hex')
    : (algorithm, text) => createHash(algorithm).update(text).digest('hex'),
};
