import { md5 } from '@noble/hashes/legacy.js';
import { utf8 } from './encoding.js';
import type { CryptoProvider } from './provider.js';
import { webSigningCrypto } from './web-signing.js';

/**
 * The portable default for notifications: Web Crypto, plus MD5 from @noble/hashes (Web Crypto has
 * none). Apart from web-signing.ts so that the client never loads @noble/hashes.
 */
export const webCrypto: CryptoProvider = {
  ...webSigningCrypto,
  md5: (data) => md5(typeof data === 'string' ? utf8(data) : data),
};
