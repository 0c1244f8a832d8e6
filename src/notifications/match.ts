import { timingSafeEqualHexIgnoringCase, toHex } from '../crypto/encoding.js';
import type { CryptoProvider } from '../crypto/provider.js';
import type { FieldSet } from './fields.js';
import type { EmptyValuePolicy } from './string-to-sign.js';
import { hasEmptyValue, joinFields, sortedNames } from './string-to-sign.js';
import type { NotificationSignType } from './types.js';

export interface SignMatch {
  readonly keyIndex: number;
  readonly emptyValues: EmptyValuePolicy;
}

/**
 * Lowercase hex of MD5/SHA-256 over the text; straight from the provider when it can. A string
 * when the provider is synchronous, so callers await (a microtask each) only when they must.
 */
export function hexDigest(text: string, signType: NotificationSignType, crypto: CryptoProvider): string | Promise<string> {
  const algorithm = signType === 'MD5' ? 'md5' : 'sha256';
  return crypto.hexDigest ? crypto.hexDigest(algorithm, text) : hexOf(crypto[algorithm](text));
}

async function hexOf(digest: Uint8Array | Promise<Uint8Array>): Promise<string> {
  return toHex(await digest);
}

/**
 * Tries each key, with empty values left out and (only when there is an empty value) included,
 * comparing in constant time, ignoring case. `receivedSign` must be hex. Sorts and joins once.
 */
export async function findMatchingKey(
  fields: FieldSet,
  receivedSign: string,
  signType: NotificationSignType,
  keys: readonly string[],
  crypto: CryptoProvider,
): Promise<SignMatch | undefined> {
  const names = sortedNames(fields);
  const policies: EmptyValuePolicy[] = hasEmptyValue(fields) ? ['omit', 'include'] : ['omit'];
  const texts = policies.map((policy) => joinFields(names, fields.values, policy));
  for (let keyIndex = 0; keyIndex < keys.length; keyIndex++) {
    for (let p = 0; p < policies.length; p++) {
      const digest = hexDigest(texts[p]! + keys[keyIndex]!, signType, crypto);
      const computed = typeof digest === 'string' ? digest : await digest;
      if (timingSafeEqualHexIgnoringCase(computed, receivedSign)) return { keyIndex, emptyValues: policies[p]! };
    }
  }
  return undefined;
}
