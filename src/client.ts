import createClient, { type Client } from 'openapi-fetch';
import { operations, type OperationDescriptor } from '../generated/operations.js';
import type { ChinaUmsOperationMethodsOf } from '../generated/methods.js';
import type { paths } from '../generated/schema.js';
import type { ReceivedValidateFunction, ValidateFunction } from '../generated/validators/types.js';
import { fetchAccessToken } from './auth/access-token-fetch.js';
import { createAccessTokenAuthenticator } from './auth/access-token-authenticator.js';
import { createOpenBodySigAuthenticator, type Authenticator } from './auth/authenticator.js';
import { createAuthMiddleware } from './auth/middleware.js';
import { AuthorizedRequest } from './authorized-request.js';
import { AccessTokenCache, type TokenLockOptions } from './auth/token-cache.js';
import { MemoryAccessTokenStore, type AccessTokenStore } from './auth/token-store.js';
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
import type { BrowserPageOperationId, OperationRequest, OperationResponse, SdkOperationId } from './types.js';
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
  /** `signature` (OPEN-BODY-SIG, the default) or `access-token` (OPEN-ACCESS-TOKEN with a cached, shared token). */
  auth?: 'signature' | 'access-token';
  /** Access-token mode: where tokens are shared (default: a store private to this client). Use `chinaums/redis` for a fleet. */
  tokenStore?: AccessTokenStore;
  /** Access-token mode: refresh this long before the token expires (default 60 000 ms). */
  tokenRefreshMarginMs?: number;
  /** Access-token mode: the fleet refresh lock (used when the store supports locking). */
  tokenLock?: TokenLockOptions;
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

function requireAuthMode(value: unknown): 'signature' | 'access-token' {
  if (value === undefined || value === 'signature') return 'signature';
  if (value === 'access-token') return 'access-token';
  throw new ConfigurationError(`Unknown auth ${JSON.stringify(value)}: use "signature" (default) or "access-token".`, 'INVALID_OPTION');
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
  const auth = requireAuthMode(options.auth);
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
  let authenticator: Authenticator;
  if (auth === 'access-token') {
    const cache = new AccessTokenCache({
      appId,
      store: options.tokenStore ?? new MemoryAccessTokenStore({ now: localNow }),
      fetchToken: () => fetchAccessToken(context, { appId, appKey, crypto }),
      now: localNow,
      refreshMarginMs: options.tokenRefreshMarginMs,
      lock: options.tokenLock,
      emit: tokenEventsWithFallback(emit, options.hooks, options.logger),
    });
    authenticator = createAccessTokenAuthenticator(cache);
  } else {
    authenticator = createOpenBodySigAuthenticator({ appId, appKey, crypto, now });
  }
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
  return Object.freeze({ ...methods, raw, baseUrl, auth }) as unknown as ChinaUmsClient;
}
