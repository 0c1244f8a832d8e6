// createChinaUmsClient: checks the options, wires the auth mode, the two openapi-fetch clients
// (the methods' own and `ums.raw`) and the guarded fetch, and makes one method per operation.
import createClient, { type Client } from 'openapi-fetch';
import { operations, type OperationDescriptor } from '../../generated/operations.js';
import type { ChinaUmsOperationMethodsOf } from '../../generated/methods.js';
import type { paths } from '../../generated/schema.js';
import { createOpenBodySigAuthenticator, type Authenticator } from '../auth/authenticator.js';
import { webSigningCrypto } from '../crypto/web-signing.js';
import { ConfigurationError } from '../errors.js';
import { createEmitter, createProblemsReporter } from '../observability.js';
import type { BrowserPageOperationId, OperationRequest, OperationResponse, SdkOperationId } from '../operation-types.js';
import { rememberSecret } from '../redaction.js';
import { browserPageUrl } from './browser-page.js';
import { callOperation } from './call.js';
import { ClockSkew } from './clock-skew.js';
import type { CallContext, CallOptions } from './context.js';
import {
  DEFAULT_DEADLINE_MS,
  DEFAULT_TIMEOUT_MS,
  positiveOption,
  requireAppId,
  requireAuth,
  requireCredential,
  resolveBaseUrl,
  type ChinaUmsClientOptions,
} from './options.js';
import { createAuthMiddleware, shareMiddleware } from './raw.js';
import { DEFAULT_MAX_RESPONSE_BYTES, guardedFetch } from './response-guard.js';
import { AuthorizedRequest } from './transport/authorized-request.js';
import { armDeadline as armSharedDeadline } from './transport/deadline-timer.js';
import { armOwnDeadline, type ArmDeadline } from './transport/own-timer.js';

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

export function createChinaUmsClient(options: ChinaUmsClientOptions): ChinaUmsClient {
  return createClientWith(options, armOwnDeadline);
}

/**
 * The Node entry's client (Node, Bun and Deno resolve it): attempt deadlines share one timer,
 * which pays where timers can be unref'd (transport/README.md). Kept apart so that an edge
 * bundle of createChinaUmsClient leaves the shared timer out.
 */
export function createChinaUmsClientSharingTimers(options: ChinaUmsClientOptions): ChinaUmsClient {
  return createClientWith(options, armSharedDeadline);
}

function createClientWith(options: ChinaUmsClientOptions, armDeadline: ArmDeadline): ChinaUmsClient {
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

  // The operation methods' client, and the signing one behind `ums.raw` (raw.ts).
  // `redirect: 'manual'`: a redirect reaches the guard as an answer, and is refused there.
  // The operation methods read a success body themselves, bounded (attempt.ts).
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
      : auth.createAuthenticator({ appId, appKey, crypto, localNow, emit, hooks: options.hooks, logger: options.logger, context: () => context });
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
    armDeadline,
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
