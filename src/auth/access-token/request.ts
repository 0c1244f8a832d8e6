import { toHex } from '../../crypto/encoding.js';
import type { SigningCrypto } from '../../crypto/provider.js';
import { webSigningCrypto } from '../../crypto/web-signing.js';

export interface AccessTokenRequestInput {
  appId: string;
  appKey: string;
  /** `yyyyMMddHHmmss`, Beijing time. */
  timestamp: string;
  nonce: string;
}

/** The body of `POST /v1/token/access` (protocol §2). */
export interface AccessTokenRequestBody {
  appId: string;
  timestamp: string;
  nonce: string;
  signMethod: 'SHA256';
  /** lowercase hex SHA-256(appId + timestamp + nonce + appKey): a plain hash, not an HMAC. */
  signature: string;
}

/**
 * Builds the token request body. `signMethod` is always sent: an old platform variant falls
 * back to SHA-1 when it is absent and then rejects a SHA-256 signature.
 */
export async function createAccessTokenRequest(input: AccessTokenRequestInput, crypto: SigningCrypto = webSigningCrypto): Promise<AccessTokenRequestBody> {
  const digest = await crypto.sha256(input.appId + input.timestamp + input.nonce + input.appKey);
  return { appId: input.appId, timestamp: input.timestamp, nonce: input.nonce, signMethod: 'SHA256', signature: toHex(digest) };
}
