import { utf8 } from './encoding.js';
import type { SigningCrypto } from './provider.js';

// A fresh ArrayBuffer-backed copy only when needed: Web Crypto's types reject SharedArrayBuffer views.
function buffer(input: Uint8Array | string): Uint8Array<ArrayBuffer> {
  const data = typeof input === 'string' ? utf8(input) : input;
  return data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
}

/**
 * SHA-256 and HMAC from Web Crypto, and nothing else: the client's default, so an edge bundle
 * that only calls the API carries no hashing code of its own.
 */
export const webSigningCrypto: SigningCrypto = {
  name: 'webcrypto',
  sha256: async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', buffer(data))),
  hmacSha256(key) {
    const imported = crypto.subtle.importKey('raw', buffer(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    // Keep a rejected import from surfacing as an unhandled rejection before the first use.
    imported.catch(() => undefined);
    return async (data) => new Uint8Array(await crypto.subtle.sign('HMAC', await imported, buffer(data)));
  },
};
