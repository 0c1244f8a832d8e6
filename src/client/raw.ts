// `ums.raw` and the operation methods share one middleware list without sharing a client: the
// methods send through a client of their own, which carries no signing middleware (they set the
// Authorization they computed themselves), so a call with no user middleware skips openapi-fetch's
// middleware pass (transport/README.md). Middleware a user adds to `ums.raw`
// is added to both, in the same order, so it still sees every request the SDK makes.
import type { Client, Middleware } from 'openapi-fetch';
import type { paths } from '../../generated/schema.js';
import type { Authenticator } from '../auth/authenticator.js';
import { ConfigurationError } from '../errors.js';

function isMiddleware(value: unknown): boolean {
  return typeof value === 'object' && value !== null && ('onRequest' in value || 'onResponse' in value || 'onError' in value);
}

/**
 * The client users see as `ums.raw`: `signing` (its own requests are signed by middleware), with
 * `use` and `eject` applied to `direct` (the operation methods' client) as well.
 */
export function shareMiddleware(signing: Client<paths>, direct: Client<paths>): Client<paths> {
  return Object.freeze({
    ...signing,
    use(...middleware: Middleware[]) {
      // Checked before either list changes, so a bad entry leaves both as they were.
      const bad = middleware.findIndex((m) => m && !isMiddleware(m));
      if (bad !== -1) {
        throw new ConfigurationError(`ums.raw.use: argument ${bad + 1} is not middleware (an object with onRequest, onResponse or onError).`, 'INVALID_OPTION');
      }
      signing.use(...middleware);
      direct.use(...middleware);
    },
    eject(...middleware: Middleware[]) {
      signing.eject(...middleware);
      direct.eject(...middleware);
    },
  });
}

export interface AuthMiddlewareContext {
  readonly authenticator: Authenticator;
  /** Maps an openapi-fetch schema path back to its operationId (for messages and hooks). */
  readonly operationIdByPath: ReadonlyMap<string, string>;
  /** Paths whose operation has `security: []` in the spec (the token endpoint): sent without Authorization. */
  readonly unauthenticatedPaths?: ReadonlySet<string> | undefined;
}

/**
 * Signs requests made through `ums.raw`. (The operation methods send through a client without
 * it, setting the Authorization they computed over the exact body.)
 */
export function createAuthMiddleware(context: AuthMiddlewareContext): Middleware {
  // openapi-fetch serialized the body: hash the bytes it will send.
  const signRaw = async (request: Request, schemaPath: string) => {
    const body = new Uint8Array(await request.clone().arrayBuffer());
    const authorization = await context.authenticator.authorize(body, {
      operationId: context.operationIdByPath.get(schemaPath),
      signal: request.signal,
    });
    request.headers.set('Authorization', authorization);
    return request;
  };
  return {
    onRequest({ request, schemaPath }) {
      if (context.unauthenticatedPaths?.has(schemaPath)) return request;
      return signRaw(request, schemaPath);
    },
  };
}
