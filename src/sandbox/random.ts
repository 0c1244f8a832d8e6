// Random ids shaped like the platform's, from the CSPRNG every runtime has (crypto.getRandomValues).
import { toHex } from '../crypto/encoding.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomHex(bytes: number): string {
  return toHex(crypto.getRandomValues(new Uint8Array(bytes)));
}

export function randomDigits(length: number): string {
  const values = crypto.getRandomValues(new Uint8Array(length));
  let out = '';
  for (const value of values) out += String(value % 10);
  return out;
}

export function randomLetters(length: number): string {
  const values = crypto.getRandomValues(new Uint8Array(length));
  let out = '';
  for (const value of values) out += LETTERS[value % LETTERS.length];
  return out;
}

/** A UUID like the platform's notifyId (`e82a0275-f767-4f77-90c2-614c91222275`). */
export function randomUuid(): string {
  return crypto.randomUUID();
}
