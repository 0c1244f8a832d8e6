// Identifiers in the platform's shapes, so that clients' length checks see realistic values, drawn
// from the CSPRNG every runtime has (crypto.getRandomValues).
import { toHex } from '../../crypto/encoding.js';

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

/** `SBX` + 26 digits: 29 characters, inside merOrderId's 6..32. */
export const newMerOrderId = (): string => `SBX${randomDigits(26)}`;
export const newRefundOrderId = (): string => `SBXR${randomDigits(25)}`;
/** Like `01120706230N`: the platform's serial number. */
export const newSeqId = (): string => `${randomDigits(11)}N`;
export const newTargetOrderId = (): string => `42000${randomDigits(23)}`;
export const newBuyerId = (): string => `o8wN${randomLetters(24)}`;
/** Like `124F2023071912021792962162` (≤ 31 characters). */
export const newBillNo = (compactTime: string): string => `124F${compactTime}${randomDigits(8)}`;
export const newAuthIdRespCd = (): string => randomDigits(6);
export const newFenOrderId = (): string => `1000${randomDigits(24)}`;
export const newServiceId = (): string => `5000${randomDigits(26)}`;
export const newMchntUuid = (): string => randomHex(16);
/** Like `10001609223224017146368158`: a QR code's id (≤ 32). */
export const newQrCodeId = (): string => `1000${randomDigits(22)}`;
