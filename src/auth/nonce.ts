import { toHex } from '../crypto/encoding.js';

// Random bytes are drawn 256 nonces (4 KiB) at a time: on Node 20 each getRandomValues call costs
// ~5 µs whatever its size (bench/), a measurable share of a signed request. Each byte is used once.
const NONCE_BYTES = 16;
const POOL_BYTES = NONCE_BYTES * 256;
let pool = new Uint8Array(0);
let offset = 0;

/** 32 lowercase hex characters from the platform's CSPRNG: unique per request, within the 128 limit. */
export function randomNonce(): string {
  if (offset + NONCE_BYTES > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_BYTES));
    offset = 0;
  }
  const nonce = toHex(pool.subarray(offset, offset + NONCE_BYTES));
  offset += NONCE_BYTES;
  return nonce;
}
