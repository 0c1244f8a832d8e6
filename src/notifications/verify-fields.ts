// Verification once the fields are parsed, shared by verifyNotification (any input, verify.ts)
// and the endpoint core (bytes from an adapter, core.ts): keys, sign, signType, diagnosis, schema.
import { isHex } from '../crypto/encoding.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { rememberSecret } from '../redaction.js';
import type { DiagnosisInput } from './diagnose.js';
import { diagnoseBadSignature } from './diagnose.js';
import type { SignMatch } from './match.js';
import { findMatchingKey } from './match.js';
import type { InputLimits, ParsedNotification } from './parse.js';
import { isAbsent, resolveSignType, signTypeWithout } from './string-to-sign.js';
import type { NotificationFailureReason, NotificationRejected, NotificationVerificationResult, VerifyNotificationSettings } from './types.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_FIELDS } from './types.js';
import { describeSchemaRefusal, toTypedNotification } from './validate.js';

export function reject(reason: NotificationFailureReason, message: string): NotificationRejected {
  return { ok: false, reason, message };
}

/** The configured keys, or undefined when none is usable. Keys are never trimmed: see diagnose. */
export function configuredKeys(options: { readonly key?: unknown; readonly keys?: unknown }): string[] | undefined {
  // One key, the usual case, without building and filtering a list on every notification.
  if (options.keys === undefined) {
    const { key } = options;
    if (typeof key !== 'string' || key.trim() === '') return undefined;
    rememberSecret(key); // redacted from every error and event from now on
    return [key];
  }
  const list: unknown[] = Array.isArray(options.keys) ? options.keys : [];
  const keys = list.filter((key): key is string => typeof key === 'string' && key.trim() !== '');
  for (const key of keys) rememberSecret(key);
  return keys.length > 0 && keys.length === list.length ? keys : undefined;
}

/** Limits from the options (defaults when absent). */
export function inputLimits(options: VerifyNotificationSettings): InputLimits {
  return { maxBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, maxFields: options.maxFields ?? DEFAULT_MAX_FIELDS };
}

/**
 * Checks the sign of parsed fields with the keys, then converts and validates them. A result, not
 * a promise, when the provider hashes synchronously and the sign matches (the common case).
 */
export function verifyParsed(
  parsed: ParsedNotification,
  keys: readonly string[],
  crypto: CryptoProvider,
  options: Pick<VerifyNotificationSettings, 'validate' | 'schema'>,
): NotificationVerificationResult | Promise<NotificationVerificationResult> {
  const { fields } = parsed;
  const sign = fields.values['sign'];
  if (sign === undefined || sign === '') {
    return reject(
      'missing-sign',
      fields.names.length === 0 ? 'The body has no fields (did a body parser read it first?).' : 'The notification has no `sign` field.',
    );
  }
  const declaredSignType = fields.values['signType'];
  const signType = isAbsent(declaredSignType) ? signTypeWithout(sign) : resolveSignType(declaredSignType);
  if (!signType) {
    return reject('unsupported-sign-type', 'signType is neither MD5 nor SHA256.');
  }

  const check: DiagnosisInput = { parsed, sign, declaredSignType, signType, keys, crypto };
  const match = isHex(sign) ? findMatchingKey(fields, sign, signType, keys, crypto) : undefined;
  return match instanceof Promise ? match.then((found) => settle(check, found, options)) : settle(check, match, options);
}

function settle(
  check: DiagnosisInput,
  match: SignMatch | undefined,
  options: Pick<VerifyNotificationSettings, 'validate' | 'schema'>,
): NotificationVerificationResult | Promise<NotificationVerificationResult> {
  if (!match) return diagnoseBadSignature(check).then((message) => reject('bad-signature', message));
  const { fields } = check.parsed;
  const raw = fields.values;
  // Genuine from here on: differences from the schema are reported, and refuse only on request.
  const { notification, problems } = toTypedNotification(fields, options.validate ?? true);
  if (problems.length > 0 && options.schema === 'refuse') {
    return { ok: false, reason: 'schema-mismatch', message: describeSchemaRefusal(problems), schemaProblems: problems, raw };
  }
  return { ok: true, notification, raw, problems, signType: check.signType, keyIndex: match.keyIndex };
}

/** Hostile input must not become an exception; the name (never a message) says what failed. */
export function unprocessable(error: unknown): NotificationRejected {
  const name = error instanceof Error ? error.name : typeof error;
  return reject('malformed-body', `The notification could not be processed (${name}).`);
}

