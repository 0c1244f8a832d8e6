import { isHex } from '../crypto/encoding.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { webCrypto } from '../crypto/web.js';
import { collectFields, describeNames } from './fields.js';
import { findMatchingKey } from './match.js';
import { resolveSignType } from './string-to-sign.js';
import type { NotificationKeyOptions, NotificationSignType } from './types.js';
import { configuredKeys } from './verify-fields.js';

export type VerifyReturnUrlOptions = NotificationKeyOptions & {
  /** Hash implementation; default `webCrypto`. */
  readonly crypto?: CryptoProvider;
};

export type ReturnUrlFailureReason = 'no-key' | 'malformed-url' | 'missing-sign' | 'unsupported-sign-type' | 'bad-signature';

/**
 * The result parameters of a verified return page, **for display only**: the payer's browser
 * brought them, after the fact and possibly more than once. Never change an order's state from
 * them; the notification (and `netpayQuery` / `billsQuery`) is the source of truth.
 */
export interface ReturnUrlVerified {
  readonly ok: true;
  /** Every parameter exactly as received (decoded once), `sign` included. */
  readonly fields: Readonly<Record<string, string>>;
  readonly signType: NotificationSignType;
  readonly keyIndex: number;
}

export interface ReturnUrlRejected {
  readonly ok: false;
  readonly reason: ReturnUrlFailureReason;
  /** What was wrong. Never contains a key or a received value. */
  readonly message: string;
}

export type ReturnUrlVerificationResult = ReturnUrlVerified | ReturnUrlRejected;

function reject(reason: ReturnUrlFailureReason, message: string): ReturnUrlRejected {
  return { ok: false, reason, message };
}

function paramsOf(input: string | URL | URLSearchParams): URLSearchParams {
  if (input instanceof URLSearchParams) return input;
  if (input instanceof URL) return input.searchParams;
  // A whole address or just its query: everything after the first `?`, without a fragment.
  const query = input.includes('?') ? input.slice(input.indexOf('?') + 1) : input;
  return new URLSearchParams(query.split('#', 1)[0]);
}

/**
 * Verifies the parameters the platform appends to `returnUrl` when the payer comes back (结果页面返回,
 * V-h5 §1.8): the key-append signature of notifications, over every parameter but `sign`. Without
 * `signType` the vendor documents say MD5 and a later revision SHA256: both are tried. Resolves to
 * `{ ok: true, fields }` or `{ ok: false, reason, message }`; never rejects.
 */
export async function verifyReturnUrl(input: string | URL | URLSearchParams, options: VerifyReturnUrlOptions): Promise<ReturnUrlVerificationResult> {
  const keys = configuredKeys(options ?? {});
  if (!keys) return reject('no-key', 'No usable key: pass `key` (the communication key, a non-empty string) or `keys`.');
  const crypto = options.crypto ?? webCrypto;
  let collected;
  try {
    if (typeof input !== 'string' && !(input instanceof URL) && !(input instanceof URLSearchParams)) {
      return reject('malformed-url', 'Pass the return page address (a string or URL) or its URLSearchParams.');
    }
    collected = collectFields(paramsOf(input));
  } catch (error) {
    return reject('malformed-url', `The return page address could not be read (${error instanceof Error ? error.name : typeof error}).`);
  }
  if (!collected.ok) return reject('malformed-url', `The address repeats ${describeNames(collected.duplicates)}; it is ambiguous which value was signed.`);
  const { fields } = collected;
  const sign = fields.values['sign'];
  if (sign === undefined || sign === '') return reject('missing-sign', 'The address has no `sign` parameter: it was not signed by the platform.');
  const declared = fields.values['signType'];
  const candidates: NotificationSignType[] = [];
  if (declared === undefined || declared === '') candidates.push('MD5', 'SHA256');
  else {
    const signType = resolveSignType(declared);
    if (!signType) return reject('unsupported-sign-type', 'signType is neither MD5 nor SHA256.');
    candidates.push(signType);
  }
  if (isHex(sign)) {
    for (const signType of candidates) {
      const match = await findMatchingKey(fields, sign, signType, keys, crypto);
      if (match) return { ok: true, fields: fields.values, signType, keyIndex: match.keyIndex };
    }
  }
  return reject('bad-signature', 'No configured key produces the received `sign` over these parameters (check the key, and that the address was not altered or decoded twice).');
}
