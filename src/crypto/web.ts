import { nobleCrypto } from './noble.js';
import type { CryptoProvider } from './provider.js';

// A fresh ArrayBuffer-backed copy only when needed: Web Crypto's types reject SharedArrayBuffer views.
function buffer(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
}

/** The portable default: SHA-256 and HMAC from Web Crypto, MD5 from @noble/hashes. */
export const webCrypto: CryptoProvider = {
  name: 'webcrypto',
  sha256: async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', buffer(data))),
  md5: nobleCrypto.md5,
  hmacSha256(key) {
    const imported = crypto.subtle.importKey('raw', buffer(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    // Keep a rejected import from surfacing as an unhandled rejection before the first use.
    imported.catch(() => undefined);
    return async (data) => new Uint8Array(await crypto.subtle.sign('HMAC', await imported, buffer(data)));
  },
};
