import type { Middleware } from 'openapi-fetch';
import type { Authenticator } from './authenticator.js';

/** What the SDK prepared for one attempt: the exact body string and its Authorization (none for unauthenticated operations). */
export interface PreparedRequest {
  readonly body: string;
  readonly authorization: string | undefined;
}

/**
 * Requests the SDK prepared itself, keyed by the `params` object it handed openapi-fetch (the
 * middleware receives that same object). The signature was computed over the very string that
 * became the request body, so nothing is read back or re-serialized.
 */
export type PreparedRequests = WeakMap<object, PreparedRequest>;

export interface AuthMiddlewareContext {
  readonly authenticator: Authenticator;
  readonly prepared: PreparedRequests;
  /** Maps an openapi-fetch schema path back to its operationId (for messages and hooks). */
  readonly operationIdByPath: ReadonlyMap<string, string>;
  /** Paths whose operation has `security: []` in the spec (the token endpoint): sent without Authorization. */
  readonly unauthenticatedPaths?: ReadonlySet<string> | undefined;
}

export function createAuthMiddleware(context: AuthMiddlewareContext): Middleware {
  // Requests made through `ums.raw` were serialized by openapi-fetch: hash the bytes it will send.
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
    // Not async: the SDK's own requests (every operation method) only need their prepared header set.
    onRequest({ request, params, schemaPath }) {
      const prepared = context.prepared.get(params);
      if (prepared) {
        if (prepared.authorization !== undefined) request.headers.set('Authorization', prepared.authorization);
        return request;
      }
      if (context.unauthenticatedPaths?.has(schemaPath)) return request;
      return signRaw(request, schemaPath);
    },
  };
}
