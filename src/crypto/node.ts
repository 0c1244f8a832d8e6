import type { Buffer as NodeBuffer } from 'node:buffer';
import type * as NodeCryptoModule from 'node:crypto';
import type { BinaryLike } from 'node:crypto';
import { ConfigurationError } from '../errors.js';
import type { CryptoProvider, EncodedDigest } from './provider.js';

type Hex = (data: Uint8Array | string) => string;
type OneShot = ((algorithm: string, data: BinaryLike, encoding: 'buffer') => NodeBuffer) &
  ((algorithm: string, data: BinaryLike, encoding: 'hex' | 'base64' | 'latin1') => string);

interface Loaded {
  readonly crypto: typeof NodeCryptoModule;
  readonly Buffer: typeof NodeBuffer;
  /** One-shot hashing (Node ≥ 20.12) skips creating a Hash object; detected, older runtimes lack it. */
  readonly oneShot: OneShot | undefined;
  readonly sha256Hex: Hex;
}

let loaded: Loaded | undefined;

/**
 * node:crypto is loaded on first use, not at import: it costs about as much as importing the
 * rest of `chinaums` on Node 20 and ~50 ms on Deno, which an application that imports the SDK
 * at start-up but signs later should not pay up front (BENCHMARKS.md, "Cold start").
 * `process.getBuiltinModule` is synchronous, so hashing stays synchronous.
 */
function load(): Loaded {
  if (loaded !== undefined) return loaded;
  const getBuiltinModule = (globalThis as { process?: { getBuiltinModule?: NodeJS.Process['getBuiltinModule'] } }).process?.getBuiltinModule;
  if (typeof getBuiltinModule !== 'function') {
    throw new ConfigurationError(
      'The Node entry of chinaums needs process.getBuiltinModule (Node ≥ 20.16, Deno 2, Bun 1.1) to load node:crypto; on this runtime pass `crypto: webCrypto` from chinaums/crypto.',
      'NODE_CRYPTO_UNAVAILABLE',
    );
  }
  const crypto = getBuiltinModule('node:crypto');
  const oneShot = (crypto as unknown as { hash?: OneShot }).hash;
  const sha256Hex: Hex = typeof oneShot === 'function' ? (data) => oneShot('sha256', data, 'hex') : (data) => crypto.createHash('sha256').update(data).digest('hex');
  loaded = { crypto, Buffer: getBuiltinModule('node:buffer').Buffer, oneShot, sha256Hex };
  return loaded;
}

/** The signer's shortcuts (provider.ts): OpenSSL writes hex and base64 itself, no JS encoding loop. */
const sha256: EncodedDigest = Object.assign((data: Uint8Array | string) => load().crypto.createHash('sha256').update(data).digest(), {
  hex: (data: Uint8Array | string) => load().sha256Hex(data),
});

const BLOCK = 64;

/**
 * HMAC-SHA256 as RFC 2104 spells it, from two one-shot hashes over buffers prepared once per
 * key: on Node 20 (OpenSSL 3) createHmac's per-call setup costs more than both hashes.
 */
function oneShotHmacBase64(hash: OneShot, Buffer: typeof NodeBuffer, key: Uint8Array): Hex {
  const padded = new Uint8Array(BLOCK);
  padded.set(key.length > BLOCK ? hash('sha256', key, 'buffer') : key);
  const outer = Buffer.alloc(BLOCK + 32);
  let inner = Buffer.alloc(BLOCK + 256);
  for (let i = 0; i < BLOCK; i++) {
    inner[i] = padded[i]! ^ 0x36;
    outer[i] = padded[i]! ^ 0x5c;
  }
  const ipad = inner.subarray(0, BLOCK);
  // Synchronous, so the scratch buffers are never shared between two calls in flight.
  return (data) => {
    // Room for the longest UTF-8 a string of this length can take (3 bytes per UTF-16 unit), so
    // write() never truncates and its count is the length: no separate byteLength pass.
    const room = BLOCK + (typeof data === 'string' ? data.length * 3 : data.length);
    if (room > inner.length) {
      const grown = Buffer.alloc(room);
      grown.set(ipad);
      inner = grown;
    }
    let length = BLOCK;
    if (typeof data === 'string') length += inner.write(data, BLOCK, 'utf8');
    else {
      inner.set(data, BLOCK);
      length += data.length;
    }
    // The inner digest comes back as a 32-character latin1 string (a heap string, not a Buffer
    // with its own backing store) and is written behind the outer pad as the same 32 bytes.
    outer.write(hash('sha256', inner.subarray(0, length), 'latin1'), BLOCK, 'latin1');
    return hash('sha256', outer, 'base64');
  };
}

/** Node-only: synchronous OpenSSL hashing, several times faster than Web Crypto's async hop on Node 20. */
export const nodeCrypto: CryptoProvider = {
  name: 'node',
  sha256,
  md5: (data) => load().crypto.createHash('md5').update(data).digest(),
  hmacSha256(key) {
    const { crypto, Buffer, oneShot } = load();
    const base64: Hex =
      typeof oneShot === 'function' ? oneShotHmacBase64(oneShot, Buffer, key) : (data) => crypto.createHmac('sha256', key).update(data).digest('base64');
    const mac: EncodedDigest = Object.assign((data: Uint8Array | string) => crypto.createHmac('sha256', key).update(data).digest(), { base64 });
    return mac;
  },
  hexDigest(algorithm, text) {
    const { crypto, oneShot } = load();
    return oneShot ? oneShot(algorithm, text, 'hex') : crypto.createHash(algorithm).update(text).digest('hex');
  },
};
