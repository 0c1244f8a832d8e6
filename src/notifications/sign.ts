import type { CryptoProvider } from '../crypto/provider.js';
import { webCrypto } from '../crypto/web.js';
import { ConfigurationError } from '../errors.js';
import type { FieldSet } from './fields.js';
import { fieldSetOf } from './fields.js';
import { hexDigest } from './match.js';
import type { EmptyValuePolicy } from './string-to-sign.js';
import { isAbsent, joinFields, resolveSignType } from './string-to-sign.js';
import type { NotificationFields, NotificationSignType } from './types.js';

/** UPPERCASE hex of MD5/SHA-256 over the string to sign followed directly by the key. */
export async function computeSign(
  fields: FieldSet,
  key: string,
  signType: NotificationSignType,
  emptyValues: EmptyValuePolicy,
  crypto: CryptoProvider,
): Promise<string> {
  const text = joinFields(fields, emptyValues) + key;
  return (await hexDigest(text, signType, crypto)).toUpperCase();
}

function isIterable(fields: NotificationFields): fields is Iterable<readonly [string, string]> {
  return typeof (fields as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function';
}

/** Fields as pairs, refusing repeated names (a Map cannot repeat; URLSearchParams can). */
export function fieldEntries(fields: NotificationFields): [string, string][] {
  const pairs: [string, string][] = isIterable(fields)
    ? Array.from(fields, ([name, value]) => [name, String(value)] as [string, string])
    : Object.keys(fields).map((name) => [name, String(fields[name])] as [string, string]);
  const names = new Set(pairs.map(([name]) => name));
  if (names.size !== pairs.length) throw new ConfigurationError('Notification fields repeat a name; each field may appear once.');
  return pairs;
}

export interface SignNotificationOptions {
  readonly key: string;
  /**
   * Defaults to the fields' own `signType` (any case), else SHA256. Must agree with it when both are
   * given. Without a signType field either algorithm is valid (receivers accept both; the vendor's
   * §1.9.4 MD5 example has none).
   */
  readonly signType?: NotificationSignType;
  readonly crypto?: CryptoProvider;
}

/**
 * The `sign` the platform would send for these fields (empty values left out, as the vendor
 * documents). For tests, the sandbox, and forwarding notifications. A `sign` field is ignored.
 */
export async function signNotification(fields: NotificationFields, options: SignNotificationOptions): Promise<string> {
  if (typeof options.key !== 'string' || options.key === '') throw new ConfigurationError('signNotification needs a non-empty key.');
  const entries = fieldEntries(fields);
  const declared = entries.find(([name]) => name === 'signType')?.[1];
  let signType: NotificationSignType = options.signType ?? 'SHA256';
  if (!isAbsent(declared)) {
    const fromFields = resolveSignType(declared);
    if (fromFields === undefined) throw new ConfigurationError('The fields carry a signType other than MD5 or SHA256.');
    if (options.signType !== undefined && options.signType !== fromFields) {
      throw new ConfigurationError(`options.signType ${options.signType} disagrees with the fields' signType ${fromFields}.`);
    }
    signType = fromFields;
  }
  return computeSign(fieldSetOf(entries), options.key, signType, 'omit', options.crypto ?? webCrypto);
}

/** The form body for these fields (`application/x-www-form-urlencoded`, as the platform sends it). */
export function encodeNotificationForm(fields: NotificationFields): string {
  const params = new URLSearchParams();
  for (const [name, value] of fieldEntries(fields)) params.append(name, value);
  return params.toString();
}
