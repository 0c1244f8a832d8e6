import { timingSafeEqualHexIgnoringCase, toHex } from '../crypto/encoding.js';
import type { CryptoProvider } from '../crypto/provider.js';
import type { FieldSet } from './fields.js';
import type { EmptyValuePolicy } from './string-to-sign.js';
import { hasEmptyValue, joinFields } from './string-to-sign.js';
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

/** Everything one search for the matching key needs, so the asynchronous rest can pick it up. */
interface Search {
  readonly texts: readonly string[];
  readonly policies: readonly EmptyValuePolicy[];
  readonly keys: readonly string[];
  readonly receivedSign: string;
  readonly signType: NotificationSignType;
  readonly crypto: CryptoProvider;
}

const OMIT: readonly EmptyValuePolicy[] = ['omit'];
const BOTH: readonly EmptyValuePolicy[] = ['omit', 'include'];

/** Candidate `c` is key `c / policies` with policy `c % policies` (keys outer, as documented). */
function digestOf(search: Search, c: number): string | Promise<string> {
  const { texts, policies, keys } = search;
  return hexDigest(texts[c % policies.length]! + keys[Math.floor(c / policies.length)]!, search.signType, search.crypto);
}

function matchOf(search: Search, c: number): SignMatch {
  return { keyIndex: Math.floor(c / search.policies.length), emptyValues: search.policies[c % search.policies.length]! };
}

/** The rest of the search once a digest is a promise (a Web Crypto provider). */
async function searchAsync(search: Search, c: number, pending: Promise<string>): Promise<SignMatch | undefined> {
  const candidates = search.keys.length * search.policies.length;
  for (let digest: string | Promise<string> = pending; ; ) {
    if (timingSafeEqualHexIgnoringCase(await digest, search.receivedSign)) return matchOf(search, c);
    if (++c >= candidates) return undefined;
    digest = digestOf(search, c);
  }
}

/**
 * Tries each key, with empty values left out and (only when there is an empty value) included,
 * comparing in constant time, ignoring case. `receivedSign` must be hex. Sorts and joins once.
 * Synchronous while the provider is (node:crypto): a promise here would cost every caller the
 * microtask ticks of resolving it.
 */
export function findMatchingKey(
  fields: FieldSet,
  receivedSign: string,
  signType: NotificationSignType,
  keys: readonly string[],
  crypto: CryptoProvider,
): SignMatch | undefined | Promise<SignMatch | undefined> {
  const policies = hasEmptyValue(fields) ? BOTH : OMIT;
  const search: Search = { texts: policies.map((policy) => joinFields(fields, policy)), policies, keys, receivedSign, signType, crypto };
  const candidates = keys.length * policies.length;
  for (let c = 0; c < candidates; c++) {
    const digest = digestOf(search, c);
    if (typeof digest !== 'string') return searchAsync(search, c, digest);
    if (timingSafeEqualHexIgnoringCase(digest, receivedSign)) return matchOf(search, c);
  }
  return undefined;
}
