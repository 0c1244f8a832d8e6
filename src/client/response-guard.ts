// What the client accepts as an answer, checked in its fetch so that both the operation methods
// and `ums.raw` get it: no redirect is followed or accepted (the platform does not redirect API
// calls; a redirect is someone else answering), and no body is buffered past `maxResponseBytes`.
import { RedirectError, ResponseTooLargeError } from '../errors.js';
import { declaresMoreThan, readBodyWithLimit, type BodyReadOutcome } from '../wire/limited-body.js';

/** A few MiB: the platform's largest answers (bill lists) are tens of KiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

export type ClientFetch = (request: Request) => Promise<Response>;

export interface GuardOptions {
  readonly maxResponseBytes: number;
  /**
   * Leave a 2xx body unread for the caller, who reads it with the limit itself (the operation
   * methods: one read instead of a bounded read plus a rebuilt Response, transport/README.md).
   */
  readonly successBodyReadByCaller: boolean;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Statuses whose Response may not have a body (the constructor throws otherwise).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** Where a redirect pointed, when the runtime shows it: browsers hide it behind an opaque-redirect response. */
function redirectTarget(response: Response): { readonly redirected: boolean; readonly location: string | undefined } {
  // With `redirect: 'manual'`: Node (undici), Deno, Bun, workerd and Edge return the 3xx itself;
  // browsers an opaque-redirect (type 'opaqueredirect', status 0); a custom fetch that followed
  // anyway says `redirected`.
  if (REDIRECT_STATUSES.has(response.status)) return { redirected: true, location: response.headers.get('location') ?? undefined };
  if (response.type === 'opaqueredirect') return { redirected: true, location: undefined };
  if (response.redirected) return { redirected: true, location: response.url || undefined };
  return { redirected: false, location: undefined };
}

/** The answer is past the limit (`status` as received); its body has been cancelled. */
export function responseTooLarge(status: number, maxResponseBytes: number): ResponseTooLargeError {
  return new ResponseTooLargeError(`the answer (HTTP ${status}) is larger than maxResponseBytes (${maxResponseBytes} bytes); it was cancelled unread.`, {
    code: 'RESPONSE_TOO_LARGE',
    status,
    limitBytes: maxResponseBytes,
  });
}

/** The bytes of a bounded read, or the error that says why there are none. */
export function bodyOrThrow(read: BodyReadOutcome, status: number, maxResponseBytes: number): Uint8Array {
  if (read.ok) return read.bytes;
  if (read.problem === 'too-large') throw responseTooLarge(status, maxResponseBytes);
  // A plain error: the attempt reports it as the NetworkError it is (and retries it when allowed).
  throw new TypeError(`the answer (HTTP ${status}) broke off while its body was read`);
}

/** The fetch the client sends through: the caller's, with redirects refused and the body size bounded. */
export function guardedFetch(fetchImpl: ClientFetch, options: GuardOptions): ClientFetch {
  const { maxResponseBytes, successBodyReadByCaller } = options;
  return async (request) => {
    const response = await fetchImpl(request);
    const { redirected, location } = redirectTarget(response);
    if (redirected) {
      await response.body?.cancel().catch(() => undefined);
      throw new RedirectError(
        `the answer was a redirect (HTTP ${response.status}) to ${location ?? 'a hidden location'}; ChinaUMS does not redirect API calls, so it was not followed: check baseUrl and any proxy in between.`,
        { code: 'UNEXPECTED_REDIRECT', status: response.status, location },
      );
    }
    if (declaresMoreThan(response, maxResponseBytes)) {
      await response.body?.cancel().catch(() => undefined);
      throw responseTooLarge(response.status, maxResponseBytes);
    }
    if (NULL_BODY_STATUSES.has(response.status) || (successBodyReadByCaller && response.ok)) return response;
    const bytes = bodyOrThrow(await readBodyWithLimit(response, maxResponseBytes), response.status, maxResponseBytes);
    // The same answer, its body now in memory: openapi-fetch and middleware read it as usual.
    return new Response(bytes as Uint8Array<ArrayBuffer>, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** The guard's errors name no operation (they rise from fetch): the operation's attempt adds it. */
export function guardErrorForOperation(error: unknown, operation: string, attempts: number): RedirectError | ResponseTooLargeError | undefined {
  if (error instanceof RedirectError && error.operation === undefined) {
    return new RedirectError(`${operation}: ${error.message}`, { code: error.code, status: error.status, operation, attempts, location: error.location });
  }
  if (error instanceof ResponseTooLargeError && error.operation === undefined) {
    return new ResponseTooLargeError(`${operation}: ${error.message}`, { code: error.code, status: error.status, operation, attempts, limitBytes: error.limitBytes });
  }
  return undefined;
}
