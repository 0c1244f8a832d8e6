import { createHash, createHmac } from 'node:crypto';
import type { CryptoProvider } from './provider.js';

/** Node-only: synchronous OpenSSL hashing, several times faster than Web Crypto's async hop on Node 20. */
export const nodeCrypto: CryptoProvider = {
  name: 'node',
  sha256: (data) => createHash('sha256').update(data).digest(),
  md5: (data) => createHash('md5').update(data).digest(),
  hmacSha256(key) {
    return (data) => createHmac('sha256', key).update(data).digest();
  },
};
