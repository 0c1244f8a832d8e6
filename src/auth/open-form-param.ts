import { utf8 } from '../crypto/encoding.js';
import type { SigningCrypto } from '../crypto/provider.js';
import { webSigningCrypto } from '../crypto/web-signing.js';
import { ConfigurationError } from '../errors.js';
import { signatureParts } from './open-body-sig.js';

export interface OpenFormParamsInput {
  appId: string;
  appKey: string;
  /** `yyyyMMddHHmmss`, Beijing time. */
  timestamp: string;
  nonce: string;
  /** The exact `content` string (the order as JSON) that goes into the URL. */
  content: string;
}

/**
 * The OPEN-FORM-PARAM query parameters of an H5 page: `authorization, appId, timestamp, nonce,
 * content, signature`, where `signature` is the OPEN-BODY-SIG signature over the raw content
 * string. `toString()` encodes like `java.net.URLEncoder` (space → `+`, which the platform needs;
 * `%20` has been reported to fail), so `${url}?${params}` is the address for the browser.
 */
export async function createOpenFormParams(input: OpenFormParamsInput, crypto?: SigningCrypto): Promise<URLSearchParams> {
  if (typeof input !== 'object' || input === null) {
    throw new ConfigurationError('createOpenFormParams needs { appId, appKey, timestamp, nonce, content }.', 'INVALID_OPTION');
  }
  for (const name of ['appId', 'appKey', 'timestamp', 'nonce', 'content'] as const) {
    if (typeof input[name] !== 'string' || (name !== 'content' && input[name] === '')) {
      throw new ConfigurationError(`createOpenFormParams: ${name} must be a non-empty string.`, 'INVALID_OPTION');
    }
  }
  if (!/^\d{14}$/.test(input.timestamp)) {
    throw new ConfigurationError('createOpenFormParams: timestamp must be yyyyMMddHHmmss (14 digits, Beijing time).', 'INVALID_OPTION');
  }
  return openFormParams(input, crypto);
}

/** createOpenFormParams for input known to be well formed (the client's H5 pages). */
export async function openFormParams(input: OpenFormParamsInput, crypto: SigningCrypto = webSigningCrypto): Promise<URLSearchParams> {
  const { appId, timestamp, nonce, content } = input;
  const { signature } = await signatureParts(appId, crypto.hmacSha256(utf8(input.appKey)), crypto.sha256, timestamp, nonce, content);
  return new URLSearchParams([
    ['authorization', 'OPEN-FORM-PARAM'],
    ['appId', appId],
    ['timestamp', timestamp],
    ['nonce', nonce],
    ['content', content],
    ['signature', signature],
  ]);
}
