// Access-token mode as a value the caller imports (`auth: accessTokenAuth({ store })`), so a
// signature-only client's bundle leaves the token cache, the token call and its store out. The
// cache (auth/) only knows "a function that fetches a token"; this file gives it the client's own
// call to the spec's token operation, with the client's timeouts, retries and hooks.
import { operations } from '../../generated/operations.js';
import { createAccessTokenAuthenticator } from '../auth/authenticator.js';
import { AccessTokenCache, type TokenLockOptions } from '../auth/access-token/cache.js';
import { createAccessTokenRequest } from '../auth/access-token/request.js';
import { MemoryAccessTokenStore, type AccessTokenStore } from '../auth/access-token/store.js';
import type { FetchedAccessToken } from '../auth/access-token/cache.js';
import { randomNonce } from '../auth/nonce.js';
import { ResponseParseError } from '../errors.js';
import { redactAccessTokenBody, tokenEventsWithFallback } from '../observability.js';
import { beijingCompactTimestamp } from '../time.js';
import { execute } from './call.js';
import type { CallContext, ClientAuth, ClientAuthSetup } from './context.js';

export interface AccessTokenAuthOptions {
  /** Where tokens are shared (default: a store private to this client). Use `chinaums/redis` (or an edge store) for a fleet. */
  readonly store?: AccessTokenStore | undefined;
  /** Refresh this long before the token expires (default 60 000 ms). */
  readonly refreshMarginMs?: number | undefined;
  /** The fleet refresh lock (used when the store supports locking). */
  readonly lock?: TokenLockOptions | undefined;
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
          emit: tokenEventsWithFallback(setup.emit, setup.hooks, setup.logger),
        }),
      ),
  };
}

const TOKEN_TEXT = /^[\x21-\x7e]{1,512}$/;

/**
 * Calls the spec's token operation (path, result rule and retry-safety from the generated
 * table) with the client's timeouts and retries. Each attempt signs a fresh timestamp and nonce.
 */
async function fetchAccessToken(ctx: CallContext, credentials: ClientAuthSetup): Promise<FetchedAccessToken> {
  const op = operations.accessToken;
  const body = async () =>
    JSON.stringify(
      await createAccessTokenRequest(
        { appId: credentials.appId, appKey: credentials.appKey, timestamp: beijingCompactTimestamp(ctx.now()), nonce: randomNonce() },
        credentials.crypto,
      ),
    );
  const { data, status, attempts } = await execute(op, { body, redactBody: redactAccessTokenBody }, ctx);
  const accessToken = data['accessToken'];
  const expiresIn = data['expiresIn'];
  const problem =
    typeof accessToken !== 'string' || !TOKEN_TEXT.test(accessToken)
      ? 'no usable accessToken'
      : typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn <= 0
        ? 'no positive expiresIn'
        : undefined;
  if (problem !== undefined) {
    throw new ResponseParseError(`${op.operationId}: the platform reported success (errCode 0000) but sent ${problem}.`, {
      code: 'INVALID_FIELD',
      operation: op.operationId,
      status,
      attempts,
    });
  }
  return { accessToken: accessToken as string, expiresInSeconds: expiresIn as number };
}
