import { isHex } from '../crypto/encoding.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { webCrypto } from '../crypto/web.js';
import { NotificationVerificationError } from '../errors.js';
import { rememberSecret } from '../redaction.js';
import { diagnoseBadSignature } from './diagnose.js';
import { DEFAULT_MAX_FIELDS } from './field-limit.js';
import { findMatchingKey } from './match.js';
import { parseNotificationInput, parseRequest, type InputLimits, type ParseOutcome } from './parse.js';
import { isAbsent, resolveSignType, signTypeWithout } from './string-to-sign.js';
import type {
  NotificationFailureReason,
  NotificationInput,
  NotificationRejected,
  NotificationVerificationResult,
  NotificationVerified,
  VerifyNotificationOptions,
} from './types.js';
import { DEFAULT_MAX_BODY_BYTES } from './types.js';
import { describeSchemaRefusal, toTypedNotification } from './validate.js';

function reject(reason: NotificationFailureReason, message: string): NotificationRejected {
  return { ok: false, reason, message };
}

/** The configured keys, or undefined when none is usable. Keys are never trimmed: see diagnose. */
export function configuredKeys(options: { readonly key?: unknown; readonly keys?: unknown }): string[] | undefined {
  const list: unknown[] = options.keys !== undefined ? (Array.isArray(options.keys) ? options.keys : []) : [options.key];
  const keys = list.filter((key): key is string => typeof key === 'string' && key.trim() !== '');
  for (const key of keys) rememberSecret(key); // redacted from every error and event from now on
  return keys.length > 0 && keys.length === list.length ? keys : undefined;
}

/** How the input becomes fields: any accepted input, or (the endpoint's shorter path) a Request only. */
type Parse<I> = (input: I, limits: InputLimits) => ParseOutcome | Promise<ParseOutcome>;

async function verify<I>(input: I, options: VerifyNotificationOptions, defaultCrypto: CryptoProvider, parse: Parse<I>): Promise<NotificationVerificationResult> {
  const keys = configuredKeys(options);
  if (!keys) {
    return reject('no-key', 'No usable notification key: pass `key` (a non-empty string) or `keys` (non-empty strings, for rotation).');
  }
  const crypto: CryptoProvider = options.crypto ?? defaultCrypto;
  const limits = { maxBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, maxFields: options.maxFields ?? DEFAULT_MAX_FIELDS };

  const pending = parse(input, limits);
  const outcome = pending instanceof Promise ? await pending : pending;
  if (!outcome.ok) return reject(outcome.reason, outcome.message);
  const { parsed } = outcome;

  const { fields } = parsed;
  const sign = fields.values['sign'];
  if (sign === undefined || sign === '') {
    const names = fields.names.length;
    return reject(
      'missing-sign',
      names === 0
        ? 'The body has no fields at all: was it read before reaching the verifier (a body parser), or is this not a notification?'
        : 'The notification has no `sign` field, so it cannot be verified.',
    );
  }
  const declaredSignType = fields.values['signType'];
  const signType = isAbsent(declaredSignType) ? signTypeWithout(sign) : resolveSignType(declaredSignType);
  if (!signType) {
    return reject('unsupported-sign-type', 'signType is neither MD5 nor SHA256 (the algorithms notifications are signed with).');
  }

  const match = isHex(sign) ? await findMatchingKey(fields, sign, signType, keys, crypto) : undefined;
  if (!match) {
    const message = await diagnoseBadSignature({ parsed, sign, declaredSignType, signType, keys, crypto });
    return reject('bad-signature', message);
  }

  const raw = fields.values;
  // Genuine from here on: differences from the schema are reported, and refuse only on request.
  const { notification, problems } = toTypedNotification(fields, options.validate ?? true);
  if (problems.length > 0 && options.schema === 'refuse') {
    return { ok: false, reason: 'schema-mismatch', message: describeSchemaRefusal(problems), schemaProblems: problems, raw };
  }
  const verified: NotificationVerified = { ok: true, notification, raw, problems, signType, keyIndex: match.keyIndex };
  return verified;
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
export function verifyNotificationWith(
  defaultCrypto: CryptoProvider,
  input: NotificationInput,
  options: VerifyNotificationOptions,
): Promise<NotificationVerificationResult> {
  return verifySafely(input, options, defaultCrypto, parseNotificationInput);
}

/** verifyNotificationWith for a Request only (the endpoint): the other input kinds' parsers stay out of its bundle. */
export function verifyRequestWith(defaultCrypto: CryptoProvider, request: Request, options: VerifyNotificationOptions): Promise<NotificationVerificationResult> {
  return verifySafely(request, options, defaultCrypto, parseRequest);
}

async function verifySafely<I>(input: I, options: VerifyNotificationOptions, defaultCrypto: CryptoProvider, parse: Parse<I>): Promise<NotificationVerificationResult> {
  try {
    return await verify(input, options, defaultCrypto, parse);
  } catch (error) {
    // Hostile input must not become an exception; the name (never a message) says what failed.
    const name = error instanceof Error ? error.name : typeof error;
    return reject('malformed-body', `The notification could not be processed (${name}).`);
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
