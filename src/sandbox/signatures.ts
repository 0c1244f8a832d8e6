// The platform's side of both authentications, computed here from first principles (noble hashes,
// synchronous and portable) rather than with the client's signer, so a client bug cannot hide.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { timingSafeEqualAscii, toBase64, toHex, utf8 } from '../crypto/encoding.js';

/** OPEN-BODY-SIG: base64 HMAC-SHA256(appKey, appId + timestamp + nonce + hex(sha256(body))). */
export function expectedBodySignature(appId: string, appKey: string, timestamp: string, nonce: string, body: Uint8Array): string {
  const stringToSign = appId + timestamp + nonce + toHex(sha256(body));
  return toBase64(hmac(sha256, utf8(appKey), utf8(stringToSign)));
}

/** Token request: lowercase hex SHA-256(appId + timestamp + nonce + appKey), a plain hash. */
export function expectedTokenSignature(appId: string, appKey: string, timestamp: string, nonce: string): string {
  return toHex(sha256(utf8(appId + timestamp + nonce + appKey)));
}

export function signaturesMatch(received: string, expected: string): boolean {
  return timingSafeEqualAscii(received, expected);
}
