import { hmac } from '@noble/hashes/hmac.js';
import { md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8 } from './encoding.js';
import type { CryptoProvider } from './provider.js';

const bytes = (data: Uint8Array | string) => (typeof data === 'string' ? utf8(data) : data);

/** Pure-JS, synchronous, identical on every runtime; the source of MD5 everywhere (Web Crypto has none). */
export const nobleCrypto: CryptoProvider = {
  name: 'noble',
  sha256: (data) => sha256(bytes(data)),
  md5: (data) => md5(bytes(data)),
  hmacSha256(key) {
    const prepared = hmac.create(sha256, key);
    return (data) => prepared.clone().update(bytes(data)).digest();
  },
};
