// How an operation method's Authorization reaches its Request. Passed as openapi-fetch `headers`,
// the value is validated three times (openapi-fetch merges headers twice, then the Request
// converts them again), a measurable share of a signed request (README.md). Instead it rides in the init
// under a symbol, which openapi-fetch spreads into the RequestInit but never copies onto the
// request, and is set once the Request exists: before any middleware runs, as before.

/** The init key carrying the Authorization value. */
export const AUTHORIZATION: unique symbol = Symbol('chinaums.authorization');

interface AuthorizedInit extends RequestInit {
  readonly [AUTHORIZATION]?: string | undefined;
}

/**
 * Stands in for the Request constructor in the operation methods' openapi-fetch client. A plain
 * function, not a subclass: `new` returns the runtime's own Request, so nothing depends on
 * subclassing a platform class.
 */
function createAuthorizedRequest(input: RequestInfo | URL, init?: AuthorizedInit): Request {
  const request = new Request(input, init);
  const authorization = init?.[AUTHORIZATION];
  if (authorization !== undefined) request.headers.set('Authorization', authorization);
  return request;
}

// openapi-fetch checks what middleware returns with `instanceof` this option: every Request
// passes, as with the plain constructor. Looked up at check time, not at import: on Node 20 the
// first touch of the global Request loads undici, a cold-start cost (README.md).
Object.defineProperty(createAuthorizedRequest, Symbol.hasInstance, { value: (value: unknown) => value instanceof Request });

/** `createAuthorizedRequest`, typed as openapi-fetch's `Request` option expects. */
export const AuthorizedRequest = createAuthorizedRequest as unknown as typeof Request;
