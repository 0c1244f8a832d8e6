import type { Middleware } from 'openapi-fetch';
import type { Authenticator } from './authenticator.js';

/**
 * Bodies the SDK serialized itself, keyed by the `params` object it handed openapi-fetch (the
 * middleware receives that same object). The signature is then computed over the very string
 * that became the request body, without reading the body back.
 */
export type SerializedBodies = WeakMap<object, string>;

export interface AuthMiddlewareContext {
  readonly authenticator: Authenticator;
  readonly bodies: SerializedBodies;
  /** Maps an openapi-fetch schema path back to its operationId (for messages and hooks). */
  readonly operationIdByPath: ReadonlyMap<string, string>;
}

export function createAuthMiddleware(context: AuthMiddlewareContext): Middleware {
  return {
    async onRequest({ request, params, schemaPath }) {
      // Requests made through `ums.raw` were serialized by openapi-fetch: hash the bytes it will send.
      const body = context.bodies.get(params) ?? new Uint8Array(await request.clone().arrayBuffer());
      const authorization = await context.authenticator.authorize(body, {
        operationId: context.operationIdByPath.get(schemaPath),
      });
      request.headers.set('Authorization', authorization);
      return request;
    },
  };
}
