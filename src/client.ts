import createClient, { type Client } from 'openapi-fetch';
import { operations, type OperationDescriptor } from '../generated/operations.js';
import type { paths } from '../generated/schema.js';
import type { ValidateFunction } from '../generated/validators/types.js';
import { createOpenBodySigAuthenticator } from './auth/authenticator.js';
import { createAuthMiddleware, type SerializedBodies } from './auth/middleware.js';
import { callOperation, type CallContext, type CallOptions } from './call.js';
import { requireAppId, requireCredential, resolveBaseUrl, type ChinaUmsEnvironment } from './config.js';
import type { CryptoProvider } from './crypto/provider.js';
import { webCrypto } from './crypto/web.js';
import { ConfigurationError } from './errors.js';
import type { OperationRequest, OperationResponse, SdkOperationId } from './types.js';

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
  crypto?: CryptoProvider;
  /** The clock, in epoch milliseconds; defaults to Date.now. */
  now?: () => number;
  /** Validate every request body against the spec before sending (pass `requestValidators` from `chinaums/validators`). */
  requestValidators?: Readonly<Record<string, ValidateFunction>>;
}

/** One typed method per operation in the spec, named by its operationId. */
export type ChinaUmsOperations = {
  [K in SdkOperationId]: (body: OperationRequest<K>, options?: CallOptions) => Promise<OperationResponse<K>>;
};

export type ChinaUmsClient = ChinaUmsOperations & {
  /** The underlying openapi-fetch client, with the signing middleware installed. */
  readonly raw: Client<paths>;
  /** The base URL this client calls. */
  readonly baseUrl: string;
};

export function createChinaUmsClient(options: ChinaUmsClientOptions): ChinaUmsClient {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigurationError('createChinaUmsClient needs an options object: { appId, appKey, environment }.');
  }
  const appId = requireAppId(options.appId);
  const appKey = requireCredential('appKey', options.appKey);
  const baseUrl = resolveBaseUrl(options.environment, options.baseUrl);
  const fetchImpl = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  if (typeof fetchImpl !== 'function') throw new ConfigurationError('fetch must be a function (request: Request) => Promise<Response>.');
  const now = options.now ?? Date.now;

  const raw = createClient<paths>({ baseUrl, fetch: fetchImpl });
  const bodies: SerializedBodies = new WeakMap();
  const table: Readonly<Record<string, OperationDescriptor>> = operations;
  const authenticator = createOpenBodySigAuthenticator({ appId, appKey, crypto: options.crypto ?? webCrypto, now });
  raw.use(
    createAuthMiddleware({
      authenticator,
      bodies,
      operationIdByPath: new Map(Object.values(table).map((op) => [op.path, op.operationId])),
    }),
  );

  const context: CallContext = { raw, bodies, now, requestValidators: options.requestValidators };
  const methods: Record<string, (body: unknown, callOptions?: CallOptions) => Promise<unknown>> = {};
  for (const op of Object.values(table)) {
    if (!op.sdkMethod) continue;
    methods[op.operationId] = (body, callOptions) => callOperation(op, body, context, callOptions);
  }
  return Object.freeze({ ...methods, raw, baseUrl }) as unknown as ChinaUmsClient;
}
