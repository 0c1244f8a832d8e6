import type { CryptoProvider } from './provider.js';
import { webSigningCrypto } from './web-signing.js';
import { utf8 } from './encoding.js';

function bytes(input: Uint8Array | string): Uint8Array<ArrayBuffer> {
  const data = typeof input === 'string' ? utf8(input) : input;
  return data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
}

/**
 * Web Crypto as workerd has it: MD5 is native there (`crypto.subtle.digest('MD5')`, a Cloudflare
 * extension), so a Worker needs no pure-JS MD5. Used by the `workerd` export condition only;
 * other runtimes' Web Crypto has no MD5.
 */
export const workerdCrypto: CryptoProvider = {
  name: 'workerd',
  sha256: webSigningCrypto.sha256,
  hmacSha256: webSigningCrypto.hmacSha256,
  md5: async (data) => new Uint8Array(await crypto.subtle.digest('MD5', bytes(data))),
};
