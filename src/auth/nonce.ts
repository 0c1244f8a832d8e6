import { toHex } from '../crypto/encoding.js';

// Random bytes are drawn 256 nonces (4 KiB) at a time and turned into hex in one pass: on Node 20
// each getRandomValues call has a fixed cost whatever its size (BENCHMARKS.md), and one long hex string sliced
// per request beats encoding 16 bytes each time. Each byte is used once.
const NONCE_HEX = 32;
const POOL_BYTES = 16 * 256;
let pool = '';
let offset = 0;

/** 32 lowercase hex characters from the platform's CSPRNG: unique per request, within the 128 limit. */
export function randomNonce(): string {
  if (offset + NONCE_HEX > pool.length) {
    pool = toHex(crypto.getRandomValues(new Uint8Array(POOL_BYTES)));
    offset = 0;
  }
  const nonce = pool.slice(offset, offset + NONCE_HEX);
  offset += NONCE_HEX;
  return nonce;
}
