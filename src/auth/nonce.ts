import { toHex } from '../crypto/encoding.js';

/** 32 lowercase hex characters from the platform's CSPRNG: unique per request, within the 128 limit. */
export function randomNonce(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(16)));
}
