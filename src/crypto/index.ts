// `chinaums/crypto`: the hashing providers, for callers who choose one explicitly (`crypto:` on
// the client and the notification functions). A subpath of its own so that importing `chinaums`
// loads no pure-JS hash tables (@noble/hashes' SHA-2 costs ~6 ms at import on Node 20).
export { webCrypto } from './web.js';
export { webSigningCrypto } from './web-signing.js';
export { nobleCrypto } from './noble.js';
export type { CryptoProvider, Digest, SigningCrypto } from './provider.js';
