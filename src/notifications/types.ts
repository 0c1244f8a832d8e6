import type { CryptoProvider } from '../crypto/provider.js';
import type { components } from '../../generated/schema.js';
import type { ReceivedProblem } from '../wire/received.js';

/** A verified payment notification, typed from the spec: amounts are numbers, JSON strings are objects. */
export type PaymentNotification = components['schemas']['PaymentNotification'];

/** The algorithms the platform signs notifications with (`signType`, any case; either one when absent). */
export type NotificationSignType = 'MD5' | 'SHA256';

/**
 * What `verifyNotification` accepts:
 * - the raw body as received (`string` or bytes): form-urlencoded, or JSON when it starts with `{`;
 * - `URLSearchParams` built from the raw body (decoded once, as the platform expects);
 * - a `Request` (its body is read, with a size limit; JSON when the content type says so);
 * - an already-parsed record of strings. Its values must be exactly as received, URL-decoded once
 *   with `+` read as a space (what `URLSearchParams` and `express.urlencoded` produce). Non-string
 *   values (numbers from a JSON body) are signed as `String(value)`, `null` as an empty value.
 */
export type NotificationInput =
  | string
  | Uint8Array
  | ArrayBuffer
  | URLSearchParams
  | Request
  | Readonly<Record<string, unknown>>;

/** Fields to sign or encode: values as they go on the wire (numbers are written with String()). */
export type NotificationFields =
  | Readonly<Record<string, string | number>>
  | Iterable<readonly [string, string]>;

/** The notification key(s). Several keys support rotation: any one of them may verify. */
export type NotificationKeyOptions =
  | { readonly key: string; readonly keys?: undefined }
  | { readonly keys: readonly string[]; readonly key?: undefined };

export interface VerifyNotificationSettings {
  /** Hash implementation; default `webCrypto` (portable; MD5 comes from @noble/hashes). */
  readonly crypto?: CryptoProvider;
  /** Largest body accepted, in bytes (default 64 KiB; a notification is a few KB). */
  readonly maxBodyBytes?: number;
  /**
   * What a verified notification that differs from the spec's schema (an unknown status, a longer
   * id, an amount that is not an integer of fen…) becomes. `'report'` (default): it is genuine, so
   * it is returned with those differences in `problems`. `'refuse'`: it is refused as
   * `schema-mismatch` (the platform then retries for 24 h, and the payment waits for you).
   */
  readonly schema?: 'report' | 'refuse';
  /**
   * Most fields accepted (default 256; a notification has about 40; in a JSON body, values at
   * every depth count). Checked before any parsing or hashing: refused as `too-many-fields`.
   */
  readonly maxFields?: number;
  /**
   * `false` skips the schema check: only amounts and JSON strings are converted (those that do
   * not convert are left out and listed in `problems`). Default `true`.
   */
  readonly validate?: boolean;
}

export type VerifyNotificationOptions = NotificationKeyOptions & VerifyNotificationSettings;

/**
 * Why a notification was refused. A small, stable set:
 * - `no-key`: no usable key was configured (a setup error, not the sender's);
 * - `body-too-large`: larger than `maxBodyBytes`;
 * - `too-many-fields`: more fields than `maxFields`;
 * - `unsupported-content-type`: a Request whose content type is neither form nor JSON;
 * - `malformed-body`: not a readable form/JSON body (duplicate keys, invalid UTF-8, nested values…);
 * - `missing-sign`: no (or an empty) `sign` field;
 * - `unsupported-sign-type`: `signType` is neither MD5 nor SHA256;
 * - `bad-signature`: no configured key produces the received `sign`;
 * - `schema-mismatch`: only with `schema: 'refuse'`: the signature is valid but fields differ from the schema.
 */
export type NotificationFailureReason =
  | 'no-key'
  | 'body-too-large'
  | 'too-many-fields'
  | 'unsupported-content-type'
  | 'malformed-body'
  | 'missing-sign'
  | 'unsupported-sign-type'
  | 'bad-signature'
  | 'schema-mismatch';

/** One received field that differs from the schema (JSON pointer, keyword, message; never the value). */
export type NotificationSchemaProblem = ReceivedProblem;

export interface NotificationVerified {
  readonly ok: true;
  readonly notification: PaymentNotification;
  /** Every received field exactly as received (decoded once), including unknown ones. */
  readonly raw: Readonly<Record<string, string>>;
  /**
   * Where the notification differs from the spec (empty when it does not): unknown enum values,
   * longer strings, other formats, and values left out of `notification` because they did not
   * convert (read those from `raw`). The signature verified, so the notification is genuine.
   */
  readonly problems: readonly NotificationSchemaProblem[];
  /** The algorithm that verified (when `signType` was absent, whichever of the two did). */
  readonly signType: NotificationSignType;
  /** Which of the configured keys verified (0 with a single `key`): tells when an old key is still in use. */
  readonly keyIndex: number;
}

export interface NotificationRejected {
  readonly ok: false;
  readonly reason: NotificationFailureReason;
  /** What was wrong and what to check. Never contains a key; never echoes received values. */
  readonly message: string;
  /** `schema-mismatch` only: what differed. */
  readonly schemaProblems?: readonly NotificationSchemaProblem[];
  /** `schema-mismatch` only: the fields, whose signature was valid. */
  readonly raw?: Readonly<Record<string, string>>;
}

export type NotificationVerificationResult = NotificationVerified | NotificationRejected;

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** Most fields a notification may have (default); a real one has about 40. */
export const DEFAULT_MAX_FIELDS = 256;
