// The public verifiers: any accepted input (input.ts) → fields → verify-fields.ts.
import type { CryptoProvider } from '../crypto/provider.js';
import { webCrypto } from '../crypto/web.js';
import { NotificationVerificationError } from '../errors.js';
import { parseNotificationInput } from './input.js';
import type { ParseOutcome } from './parse.js';
import type { NotificationInput, NotificationVerificationResult, NotificationVerified, VerifyNotificationOptions } from './types.js';
import { configuredKeys, inputLimits, reject, unprocessable, verifyParsed } from './verify-fields.js';

type Verification = NotificationVerificationResult | Promise<NotificationVerificationResult>;

/** Synchronous as far as the input and the provider allow: each promise costs microtask ticks. */
function verify(input: NotificationInput, options: VerifyNotificationOptions, defaultCrypto: CryptoProvider): Verification {
  const keys = configuredKeys(options);
  if (!keys) {
    return reject('no-key', 'No usable notification key: pass `key` (a non-empty string) or `keys` (non-empty strings, for rotation).');
  }
  const crypto = options.crypto ?? defaultCrypto;
  const pending = parseNotificationInput(input, inputLimits(options));
  const verified = (outcome: ParseOutcome): Verification => (outcome.ok ? verifyParsed(outcome.parsed, keys, crypto, options) : reject(outcome.reason, outcome.message));
  return pending instanceof Promise ? pending.then(verified) : verified(pending);
}

/**
 * Verifies a payment notification: parses the input once, checks `sign` over every received field
 * (see protocol.md §4) with `key` or any of `keys`, then converts and validates the fields.
 * Resolves to `{ ok: true, notification, raw }` or `{ ok: false, reason, message }`; never
 * rejects, whatever the input, and no message ever contains a key.
 */
export async function verifyNotification(
  input: NotificationInput,
  options: VerifyNotificationOptions,
): Promise<NotificationVerificationResult> {
  return verifyNotificationWith(webCrypto, input, options);
}

/**
 * verifyNotification with another default provider (the Node entry passes node:crypto): taking
 * it as an argument spares copying the caller's options on every notification.
 */
export async function verifyNotificationWith(
  defaultCrypto: CryptoProvider,
  input: NotificationInput,
  options: VerifyNotificationOptions,
): Promise<NotificationVerificationResult> {
  try {
    const result = verify(input, options, defaultCrypto);
    return result instanceof Promise ? await result : result;
  } catch (error) {
    return unprocessable(error);
  }
}

/** Like `verifyNotification`, but returns the verified result or throws `NotificationVerificationError`. */
export async function assertNotification(input: NotificationInput, options: VerifyNotificationOptions): Promise<NotificationVerified> {
  return assertNotificationWith(webCrypto, input, options);
}

export async function assertNotificationWith(defaultCrypto: CryptoProvider, input: NotificationInput, options: VerifyNotificationOptions): Promise<NotificationVerified> {
  const result = await verifyNotificationWith(defaultCrypto, input, options);
  if (!result.ok) throw new NotificationVerificationError(result.reason, result.message);
  return result;
}
