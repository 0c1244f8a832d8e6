import { Buffer } from 'node:buffer';
import * as nodeCryptoModule from 'node:crypto';
import { createHash, createHmac, type BinaryLike } from 'node:crypto';
import type { CryptoProvider, EncodedDigest } from './provider.js';

// One-shot hashing (Node ≥20.12) skips creating a Hash object; detected, since engines allow 20.0.
type OneShot = (algorithm: string, data: BinaryLike, encoding: 'hex') => string;
const oneShot = (nodeCryptoModule as unknown as { hash?: OneShot }).hash;

const sha256Hex: (data: Uint8Array | string) => string =
  typeof oneShot === 'function' ? (data) => oneShot('sha256', data, 'hex') : (data) => createHash('sha256').update(data).digest('hex');

/** The signer's shortcuts (provider.ts): OpenSSL writes hex and base64 itself, no JS encoding loop. */
const sha256: EncodedDigest = Object.assign((data: Uint8Array | string) => createHash('sha256').update(data).digest(), { hex: sha256Hex });

const BLOCK = 64;

/**
 * HMAC-SHA256 as RFC 2104 spells it, from two one-shot hashes over buffers prepared once per
 * key: on Node 20 (OpenSSL 3) createHmac's per-call setup costs more than both hashes.
 */
function oneShotHmacBase64(hash: OneShotBuffer, key: Uint8Array): (data: Uint8Array | string) => string {
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

type OneShotBuffer = ((algorithm: string, data: BinaryLike, encoding: 'buffer') => Buffer) & ((algorithm: string, data: BinaryLike, encoding: 'base64' | 'latin1') => string);

/** Node-only: synchronous OpenSSL hashing, several times faster than Web Crypto's async hop on Node 20. */
export const nodeCrypto: CryptoProvider = {
  name: 'node',
  sha256,
  md5: (data) => createHash('md5').update(data).digest(),
  hmacSha256(key) {
    const base64 =
      typeof oneShot === 'function'
        ? oneShotHmacBase64(oneShot as unknown as OneShotBuffer, key)
        : (data: Uint8Array | string) => createHmac('sha256', key).update(data).digest('base64');
    const mac: EncodedDigest = Object.assign((data: Uint8Array | string) => createHmac('sha256', key).update(data).digest(), { base64 });
    return mac;
  },
  hexDigest: oneShot
    ? (algorithm, text) => oneShot(algorithm, text, 'hex')
    : (algorithm, text) => createHash(algorithm).update(text).digest('hex'),
};
