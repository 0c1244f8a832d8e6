// Byte/text helpers built only on web standards, so every runtime shares one implementation.

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!];
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  // btoa exists on Node ≥16, Deno, Bun, workerd and Edge; chunking keeps the argument list bounded.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Compares two ASCII strings without an early exit, so the time taken does not reveal how much
 * of a forged signature was right. Length is not secret (signatures have a fixed length).
 */
export function timingSafeEqualAscii(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Non-empty and only hexadecimal digits, either case. */
export function isHex(text: string): boolean {
  return /^[0-9A-Fa-f]+$/.test(text);
}

/**
 * Like timingSafeEqualAscii for two hex strings, ignoring case: setting bit 0x20 maps A–F to a–f
 * and leaves 0–9 as they are. Only meaningful when both are hex (callers check the received one).
 */
export function timingSafeEqualHexIgnoringCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a.charCodeAt(i) | 0x20) ^ (b.charCodeAt(i) | 0x20);
  return diff === 0;
}
