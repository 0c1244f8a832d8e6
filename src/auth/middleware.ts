import type { Middleware } from 'openapi-fetch';
import type { Authenticator } from './authenticator.js';

export interface AuthMiddlewareContext {
  readonly authenticator: Authenticator;
  /** Maps an openapi-fetch schema path back to its operationId (for messages and hooks). */
  readonly operationIdByPath: ReadonlyMap<string, string>;
  /** Paths whose operation has `security: []` in the spec (the token endpoint): sent without Authorization. */
  readonly unauthenticatedPaths?: ReadonlySet<string> | undefined;
}

/**
 * Signs requests made through `ums.raw`. (The operation methods send through a client without
 * it, setting the Authorization they computed over the exact body: src/raw-client.ts.)
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
