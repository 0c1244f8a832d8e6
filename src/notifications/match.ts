import { timingSafeEqualAscii } from '../crypto/encoding.js';
import type { CryptoProvider } from '../crypto/provider.js';
import type { FieldEntries } from './fields.js';
import { computeSign } from './sign.js';
import type { EmptyValuePolicy } from './string-to-sign.js';
import { hasEmptyValue } from './string-to-sign.js';
import type { NotificationSignType } from './types.js';

export interface SignMatch {
  readonly keyIndex: number;
  readonly emptyValues: EmptyValuePolicy;
}

/**
 * Tries each key, with empty values left out and (only when there is an empty value) included,
 * comparing in constant time. `expectedSign` must already be uppercase.
 */
export async function findMatchingKey(
  entries: FieldEntries,
  expectedSign: string,
  signType: NotificationSignType,
  keys: readonly string[],
  crypto: CryptoProvider,
): Promise<SignMatch | undefined> {
  const policies: EmptyValuePolicy[] = hasEmptyValue(entries) ? ['omit', 'include'] : ['omit'];
  for (let keyIndex = 0; keyIndex < keys.length; keyIndex++) {
    for (const emptyValues of policies) {
      const computed = await computeSign(entries, keys[keyIndex]!, signType, emptyValues, crypto);
      if (timingSafeEqualAscii(computed, expectedSign)) return { keyIndex, emptyValues };
    }
  }
  return undefined;
}
