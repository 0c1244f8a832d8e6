import { md5 } from '@noble/hashes/legacy.js';
import { utf8 } from './encoding.js';
import type { CryptoProvider } from './provider.js';
import { webSigningCrypto } from './web-signing.js';

function withNobleMd5(): CryptoProvider {
  return { ...webSigningCrypto, md5: (data) => md5(typeof data === 'string' ? utf8(data) : data) };
}

/**
 * The portable default for notifications: Web Crypto, plus MD5 from @noble/hashes (Web Crypto has
 * none). Apart from web-signing.ts so that the client never loads @noble/hashes. Built by a pure
 * call so a bundle that replaces the default (the workerd entry) drops @noble/hashes entirely.
 */
export const webCrypto: CryptoProvider = /* @__PURE__ */ withNobleMd5();
