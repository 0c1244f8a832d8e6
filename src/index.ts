export { createChinaUmsClient, type ChinaUmsClient, type ChinaUmsOperations } from './client/create-client.js';
export { DEFAULT_DEADLINE_MS, DEFAULT_TIMEOUT_MS, ENVIRONMENTS, type ChinaUmsClientOptions, type ChinaUmsEnvironment } from './client/options.js';
export type { CallOptions, ClientAuth } from './client/context.js';
export { accessTokenAuth, type AccessTokenAuthOptions } from './client/access-token-call.js';
export { createAccessTokenRequest, type AccessTokenRequestBody, type AccessTokenRequestInput } from './auth/access-token/request.js';
export {
  MemoryAccessTokenStore,
  type AccessTokenStore,
  type MemoryAccessTokenStoreOptions,
  type ReleaseLock,
  type StoredAccessToken,
} from './auth/access-token/store.js';
export { DEFAULT_LOCK_TTL_MS, DEFAULT_REFRESH_MARGIN_MS, type TokenLockOptions } from './auth/access-token/cache.js';
export { DEFAULT_RETRY_POLICY, parseRetryAfter, type RetryPolicy } from './client/retry-policy.js';
export { DEFAULT_SKEW_THRESHOLD_MS } from './client/clock-skew.js';
export { DEFAULT_MAX_RESPONSE_BYTES } from './client/response-guard.js';
export type {
  ChinaUmsEvent,
  ChinaUmsHooks,
  ChinaUmsLogger,
  ClockSkewEvent,
  ErrorEvent,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
  TokenEvent,
  ProblemsEvent,
} from './observability.js';
export type { ReceivedProblem } from './wire/received.js';
export {
  createOpenBodySignature,
  explainOpenBodySignature,
  OpenBodySigner,
  type OpenBodySignatureDetails,
  type OpenBodySignatureInput,
} from './auth/open-body-sig.js';
export {
  formatAccessTokenHeader,
  formatOpenBodySigHeader,
  parseAccessTokenHeader,
  parseOpenBodySigHeader,
  type OpenBodySigParts,
} from './auth/authorization-header.js';
export { createOpenFormParams, type OpenFormParamsInput } from './auth/open-form-param.js';
export { createMerOrderId, type CreateMerOrderIdOptions } from './client/order-id.js';
export * from './errors.js';
export { beijingCompactTimestamp, beijingDate, beijingDateTime, parseBeijingTime } from './time.js';
export type { CryptoProvider, Digest, SigningCrypto } from './crypto/provider.js';
export { operations, type BrowserPageContents, type OperationDescriptor, type OperationId, type RequestFill } from '../generated/operations.js';
export type { BrowserPageOperationId, OperationRequest, OperationResponse, PaymentNotification, SdkOperationId, WireRequestBody } from './operation-types.js';
export type { paths, components, webhooks, operations as OperationTypes } from '../generated/schema.js';
