// Access-token mode as a value the caller imports (`auth: accessTokenAuth({ store })`), so a
// signature-only client's bundle leaves the token cache, the token call and its store out.
import type { CallContext } from '../call.js';
import type { SigningCrypto } from '../crypto/provider.js';
import type { EmitEvent } from '../observability.js';
import { createAccessTokenAuthenticator } from './access-token-authenticator.js';
import { fetchAccessToken } from './access-token-fetch.js';
import type { Authenticator } from './authenticator.js';
import { AccessTokenCache, type TokenLockOptions } from './token-cache.js';
import { MemoryAccessTokenStore, type AccessTokenStore } from './token-store.js';

export interface AccessTokenAuthOptions {
  /** Where tokens are shared (default: a store private to this client). Use `chinaums/redis` (or an edge store) for a fleet. */
  readonly store?: AccessTokenStore | undefined;
  /** Refresh this long before the token expires (default 60 000 ms). */
  readonly refreshMarginMs?: number | undefined;
  /** The fleet refresh lock (used when the store supports locking). */
  readonly lock?: TokenLockOptions | undefined;
}

/** What the client hands an auth strategy. Internal: strategies come from this package. */
export interface ClientAuthSetup {
  readonly appId: string;
  readonly appKey: string;
  readonly crypto: SigningCrypto;
  /** The host's own clock (token expiry is shared between hosts, so never the skew-corrected one). */
  readonly localNow: () => number;
  readonly emit: EmitEvent;
  /** The client's call context (timeouts, retries, hooks), ready by the time a token is needed. */
  readonly context: () => CallContext;
}

/** How a client authenticates: `'signature'` (the default), or a strategy such as `accessTokenAuth()`. */
export interface ClientAuth {
  readonly mode: 'access-token';
  /** @internal */
  readonly createAuthenticator: (setup: ClientAuthSetup) => Authenticator;
}

/**
 * OPEN-ACCESS-TOKEN: each call carries a cached token, fetched with the appKey and shared through
 * `store` (one refresh for all callers). Pass it as `createChinaUmsClient({ auth: accessTokenAuth({ store }) })`.
 */
export function accessTokenAuth(options: AccessTokenAuthOptions = {}): ClientAuth {
  return {
    mode: 'access-token',
    createAuthenticator: (setup) =>
      createAccessTokenAuthenticator(
        new AccessTokenCache({
          appId: setup.appId,
          store: options.store ?? new MemoryAccessTokenStore({ now: setup.localNow }),
          fetchToken: () => fetchAccessToken(setup.context(), setup),
          now: setup.localNow,
          refreshMarginMs: options.refreshMarginMs,
          lock: options.lock,
          emit: setup.emit,
        }),
      ),
  };
}
