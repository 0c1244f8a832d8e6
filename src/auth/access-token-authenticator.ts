import type { Authenticator } from './authenticator.js';
import { formatAccessTokenHeader, parseAccessTokenHeader } from './authorization-header.js';
import type { AccessTokenCache } from './token-cache.js';

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
