import createClient, { type Client } from 'openapi-fetch';
import { operations, type OperationDescriptor } from '../generated/operations.js';
import type { ChinaUmsOperationMethodsOf } from '../generated/methods.js';
import type { paths } from '../generated/schema.js';
import type { ReceivedValidateFunction, ValidateFunction } from '../generated/validators/types.js';
import type { ClientAuth } from './auth/access-token-auth.js';
import { createOpenBodySigAuthenticator, type Authenticator } from './auth/authenticator.js';
import { createAuthMiddleware } from './auth/middleware.js';
import { AuthorizedRequest } from './authorized-request.js';
import { callOperation, type CallContext, type CallOptions } from './call.js';
import { ClockSkew } from './clock-skew.js';
import { requireAppId, requireCredential, resolveBaseUrl, type ChinaUmsEnvironment } from './config.js';
import type { SigningCrypto } from './crypto/provider.js';
import { webSigningCrypto } from './crypto/web-signing.js';
import { ConfigurationError } from './errors.js';
import { createEmitter, createProblemsReporter, tokenEventsWithFallback, type ChinaUmsHooks, type ChinaUmsLogger } from './observability.js';
import { shareMiddleware } from './raw-client.js';
import { DEFAULT_MAX_RESPONSE_BYTES, guardedFetch } from './response-guard.js';
import { rememberSecret } from './redaction.js';
import type { RetryPolicy } from './retry.js';
import type { BrowserPageOperationId, OperationRequest, OperationResponse, SdkOperationId } from './operation-types.js';
import { browserPageUrl } from './browser-page.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_DEADLINE_MS = 30_000;

export interface ChinaUmsClientOptions {
  /** The appId ChinaUMS assigned to your application. */
  appId: string;
  /** The appKey (signing secret). Never logged, never put in an error. */
  appKey: string;
  /** Which platform to call; or pass `baseUrl` (e.g. the local sandbox). */
  environment?: ChinaUmsEnvironment;
  /** Overrides `environment`, e.g. `http://127.0.0.1:8080` for the sandbox. */
  baseUrl?: string;
  /** A fetch implementation (tests, proxies, instrumented fetch). Defaults to globalThis.fetch. */
  fetch?: (request: Request) => Promise<Response>;
  /** Hashing implementation; defaults to Web Crypto. */
  crypto?: SigningCrypto;
  /** The clock, in epoch milliseconds; defaults to Date.now. */
  now?: () => number;
  /** Validate every request body against the spec before sending (pass `requestValidators` from `chinaums/validators`). */
  requestValidators?: Readonly<Record<string, ValidateFunction>>;
  /**
   * Check success answers against what the spec documents (pass `responseValidators` from
   * `chinaums/validators`). Differences never fail a call: they are reported as `problems` events.
   * Without it only amounts and JSON-string fields are checked.
   */
  responseValidators?: Readonly<Record<string, ReceivedValidateFunction>>;
  /**
   * `'signature'` (OPEN-BODY-SIG, the default), or `accessTokenAuth({ store })` (OPEN-ACCESS-TOKEN
   * with a cached, shared token). Imported, so that a signature-only bundle leaves the token code out.
   */
  auth?: 'signature' | ClientAuth;
  /** Largest answer read, in bytes (default 4 MiB): a bigger one is cancelled unread, a `ResponseTooLargeError`. */
  maxResponseBytes?: number;
  /** Timeout of each HTTP attempt, ms (default 10 000). */
  timeoutMs?: number;
  /** Overall limit for one call across attempts and backoff, ms (default 30 000). */
  deadlineMs?: number;
  /** Retry policy for retry-safe operations (default 3 attempts, 200 ms base, 5 s cap); `false` disables retries. */
  retry?: RetryPolicy | false;
  /** Learn the host's clock error from the platform's `Date` header (when over 5 s) and correct the timestamps sent. */
  clockSkewCorrection?: boolean;
  /** Structured events: request, response, retry, error, token, clock-skew, problems. Credentials are redacted. */
  hooks?: ChinaUmsHooks;
  /**
   * A console-like logger receiving the same events. Without one (and without an onProblems hook),
   * `problems` events still reach console.warn; `false` silences that too.
   */
  logger?: ChinaUmsLogger | false;
}

/**
 * One typed method per operation in the spec, named by its operationId, with the spec's summary
 * and description as hover docs (generated/methods.ts). A browser page (H5) method returns the
 * signed URL to send the browser to; it makes no request.
 */
export type ChinaUmsOperations = ChinaUmsOperationMethodsOf<
  { [K in SdkOperationId]: OperationRequest<K> },
  { [K in SdkOperationId]: K extends BrowserPageOperationId ? string : OperationResponse<K> },
  CallOptions
>;

export type ChinaUmsClient = ChinaUmsOperations & {
  /** An openapi-fetch client that signs what it sends; middleware added with `use()` also runs for the operation methods. */
  readonly raw: Client<paths>;
  /** The base URL this client calls. */
  readonly baseUrl: string;
  /** The authentication mode in use. */
  readonly auth: 'signature' | 'access-token';
};

function positiveOption(name: string, value: unknown, fallback: number, unit = 'milliseconds'): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ConfigurationError(`${name} must be a positive number of ${unit}.`, 'INVALID_OPTION');
  }
  return value;
}

const MOVED_TOKEN_OPTIONS = { tokenStore: 'store', tokenRefreshMarginMs: 'refreshMarginMs', tokenLock: 'lock' } as const;

function requireAuth(options: ChinaUmsClientOptions): 'signature' | ClientAuth {
  const { auth } = options;
  // Access-token mode is imported (see ClientAuth): say how to migrate rather than ignore the old options.
  for (const [old, now] of Object.entries(MOVED_TOKEN_OPTIONS)) {
    if (old in options) throw new ConfigurationError(`${old} is now an option of accessTokenAuth: auth: accessTokenAuth({ ${now} }).`, 'INVALID_OPTION');
  }
  if (auth === undefined || auth === 'signature') return 'signature';
  if (typeof auth === 'object' && auth !== null && typeof (auth as Partial<ClientAuth>).createAuthenticator === 'function') return auth;
  const hint = (auth as unknown) === 'access-token' ? ' (access-token mode is now auth: accessTokenAuth({ store }), imported from chinaums)' : '';
  throw new ConfigurationError(`Unknown auth ${JSON.stringify(auth)}: use "signature" (default) or accessTokenAuth()${hint}.`, 'INVALID_OPTION');
}

export function createChinaUmsClient(options: ChinaUmsClientOptions): ChinaUmsClient {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigurationError('createChinaUmsClient needs an options object: { appId, appKey, environment }.');
  }
  const appId = requireAppId(options.appId);
  const appKey = requireCredential('appKey', options.appKey);
  rememberSecret(appKey);
  const baseUrl = resolveBaseUrl(options.environment, options.baseUrl);
  const userFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  if (typeof userFetch !== 'function') throw new ConfigurationError('fetch must be a function (request: Request) => Promise<Response>.');
  const maxResponseBytes = positiveOption('maxResponseBytes', options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES, 'bytes');
  const auth = requireAuth(options);
  const localNow = options.now ?? Date.now;
  const clockSkew = options.clockSkewCorrection ? new ClockSkew(localNow) : undefined;
  const now = clockSkew ? clockSkew.now : localNow;
  const crypto = options.crypto ?? webSigningCrypto;
  const logger = options.logger === false ? undefined : options.logger;
  const emit = createEmitter(options.hooks, logger);

  // The operation methods' client, and the signing one behind `ums.raw` (src/raw-client.ts).
  // `redirect: 'manual'`: a redirect reaches the guard as an answer, and is refused there.
  // The operation methods read a success body themselves, bounded (src/call-attempt.ts).
  const directFetch = guardedFetch(userFetch, { maxResponseBytes, successBodyReadByCaller: true });
  const rawFetch = guardedFetch(userFetch, { maxResponseBytes, successBodyReadByCaller: false });
  const direct = createClient<paths>({ baseUrl, fetch: directFetch, Request: AuthorizedRequest, redirect: 'manual' });
  const signing = createClient<paths>({ baseUrl, fetch: rawFetch, redirect: 'manual' });
  const table: Readonly<Record<string, OperationDescriptor>> = operations;

  // The token call runs through the same context (timeouts, retries, hooks), so the cache refers back to it.
  let context: CallContext;
  const authenticator: Authenticator =
    auth === 'signature'
      ? createOpenBodySigAuthenticator({ appId, appKey, crypto, now })
      : auth.createAuthenticator({ appId, appKey, crypto, localNow, emit: tokenEventsWithFallback(emit, options.hooks, options.logger), context: () => context });
  signing.use(
    createAuthMiddleware({
      authenticator,
      operationIdByPath: new Map(Object.values(table).map((op) => [op.path, op.operationId])),
      unauthenticatedPaths: new Set(Object.values(table).filter((op) => op.security.length === 0).map((op) => op.path)),
    }),
  );

  const raw = shareMiddleware(signing, direct);
  context = {
    client: direct,
    baseUrl,
    now,
    localNow,
    requestValidators: options.requestValidators,
    responseValidators: options.responseValidators,
    authenticator,
    maxResponseBytes,
    timeoutMs: positiveOption('timeoutMs', options.timeoutMs, DEFAULT_TIMEOUT_MS),
    deadlineMs: positiveOption('deadlineMs', options.deadlineMs, DEFAULT_DEADLINE_MS),
    retry: options.retry,
    clockSkew,
    emit,
    reportProblems: createProblemsReporter(emit, options.hooks, options.logger),
  };
  const methods: Record<string, (body: unknown, callOptions?: CallOptions) => Promise<unknown>> = {};
  const pages = { baseUrl, now, requestValidators: options.requestValidators, appId, appKey, crypto };
  for (const op of Object.values(table)) {
    if (!op.sdkMethod) continue;
    methods[op.operationId] =
      op.transport === 'browser-redirect'
        ? (content) => browserPageUrl(op, content, pages)
        : (body, callOptions) => callOperation(op, body, context, callOptions);
  }
  return Object.freeze({ ...methods, raw, baseUrl, auth: authenticator.mode }) as unknown as ChinaUmsClient;
}
