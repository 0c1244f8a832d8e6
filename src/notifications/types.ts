import type { CryptoProvider } from '../crypto/provider.js';
import type { components } from '../../generated/schema.js';

/** A verified payment notification, typed from the spec: amounts are numbers, JSON strings are objects. */
export type PaymentNotification = components['schemas']['PaymentNotification'];

/** The algorithms the platform signs notifications with (`signType`; SHA256 when absent). */
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
   * Most fields accepted (default 256; a notification has about 40; in a JSON body, values at
   * every depth count). Checked before any parsing or hashing: refused as `too-many-fields`.
   */
  readonly maxFields?: number;
  /**
   * `false` skips the schema check (the signature is still verified and amounts/JSON strings are
   * still converted where they convert; values that do not are left as received). For tests and
   * for fields the spec does not describe yet. Default `true`.
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
 * - `schema-mismatch`: the signature is valid but a known field has the wrong type.
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

/** One field that failed the schema, as ajv reports it. */
export interface NotificationSchemaProblem {
  /** JSON pointer into the notification, e.g. `/totalAmount` or `/billPayment/billBizType`. */
  readonly instancePath: string;
  readonly message: string;
}

export interface NotificationVerified {
  readonly ok: true;
  readonly notification: PaymentNotification;
  /** Every received field exactly as received (decoded once), including unknown ones. */
  readonly raw: Readonly<Record<string, string>>;
  readonly signType: NotificationSignType;
  /** Which of the configured keys verified (0 with a single `key`): tells when an old key is still in use. */
  readonly keyIndex: number;
}

export interface NotificationRejected {
  readonly ok: false;
  readonly reason: NotificationFailureReason;
  /** What was wrong and what to check. Never contains a key; never echoes received values. */
  readonly message: string;
  /** `schema-mismatch` only: what failed. */
  readonly schemaProblems?: readonly NotificationSchemaProblem[];
  /** `schema-mismatch` only: the fields, whose signature was valid. */
  readonly raw?: Readonly<Record<string, string>>;
}

export type NotificationVerificationResult = NotificationVerified | NotificationRejected;

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
