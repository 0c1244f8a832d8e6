// How a request is authorized, one implementation per mode: OPEN-BODY-SIG signs each body;
// OPEN-ACCESS-TOKEN presents the cached token (access-token/cache.ts) and drops a refused one.
import type { SigningCrypto } from '../crypto/provider.js';
import { beijingCompactTimestamp } from '../time.js';
import type { AccessTokenCache } from './access-token/cache.js';
import { formatAccessTokenHeader, parseAccessTokenHeader } from './authorization-header.js';
import { randomNonce } from './nonce.js';
import { openBodySigner } from './open-body-sig.js';

export interface AuthorizeContext {
  readonly operationId: string | undefined;
  /** Abandons waiting for credentials (e.g. a shared token refresh) when the attempt ends. */
  readonly signal?: AbortSignal | undefined;
}

/** Produces the Authorization header for one request; one implementation per auth mode. */
export interface Authenticator {
  readonly mode: 'signature' | 'access-token';
  /** A string when the credential is at hand (synchronous hashing, a cached token), so the caller need not wait. */
  authorize(body: Uint8Array | string, context: AuthorizeContext): string | Promise<string>;
  /**
   * The platform refused this Authorization (errCode 1000/1001). Modes whose credential can be
   * renewed (an access token) forget it so the next `authorize` gets a new one; absent when
   * renewing cannot help (a signature is recomputed per request anyway).
   */
  reject?(authorization: string): Promise<void>;
}

export interface OpenBodySigOptions {
  appId: string;
  appKey: string;
  crypto?: SigningCrypto | undefined;
  /** Milliseconds since the epoch, as Date.now(); replaceable for tests and clock-skew correction. */
  now: () => number;
  nonce?: (() => string) | undefined;
}

/** OPEN-BODY-SIG: a fresh timestamp and nonce per request, signed over the exact body bytes. */
export function createOpenBodySigAuthenticator(options: OpenBodySigOptions): Authenticator {
  const sign = openBodySigner(options.appId, options.appKey, options.crypto);
  const nonce = options.nonce ?? randomNonce;
  return {
    mode: 'signature',
    authorize: (body) => sign(beijingCompactTimestamp(options.now()), nonce(), body),
  };
}

/** OPEN-ACCESS-TOKEN: the shared cached token; a refused token is dropped so the next call refreshes. */
export function createAccessTokenAuthenticator(cache: AccessTokenCache): Authenticator {
  return {
    mode: 'access-token',
    authorize: (_body, context) => {
      const token = cache.get(context.signal);
      return typeof token === 'string' ? formatAccessTokenHeader(token) : token.then(formatAccessTokenHeader);
    },
    async reject(authorization) {
      const token = parseAccessTokenHeader(authorization);
      if (token !== undefined) await cache.reject(token);
    },
  };
}
