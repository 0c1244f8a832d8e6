export {
  createChinaUmsClient,
  DEFAULT_DEADLINE_MS,
  DEFAULT_TIMEOUT_MS,
  type ChinaUmsClient,
  type ChinaUmsClientOptions,
  type ChinaUmsOperations,
} from './client.js';
export { accessTokenAuth, type AccessTokenAuthOptions, type ClientAuth } from './auth/access-token-auth.js';
export { createAccessTokenRequest, type AccessTokenRequestBody, type AccessTokenRequestInput } from './auth/access-token-request.js';
export {
  MemoryAccessTokenStore,
  type AccessTokenStore,
  type MemoryAccessTokenStoreOptions,
  type ReleaseLock,
  type StoredAccessToken,
} from './auth/token-store.js';
export { DEFAULT_LOCK_TTL_MS, DEFAULT_REFRESH_MARGIN_MS, type TokenLockOptions } from './auth/token-cache.js';
export { DEFAULT_RETRY_POLICY, parseRetryAfter, type RetryPolicy } from './retry.js';
export { DEFAULT_SKEW_THRESHOLD_MS } from './clock-skew.js';
export { DEFAULT_MAX_RESPONSE_BYTES } from './response-guard.js';
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
export type { CallOptions } from './call.js';
export { ENVIRONMENTS, type ChinaUmsEnvironment } from './config.js';
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
export { createMerOrderId, type CreateMerOrderIdOptions } from './order-id.js';
export * from './errors.js';
export { beijingCompactTimestamp, beijingDate, beijingDateTime, parseBeijingTime } from './time.js';
export type { CryptoProvider, Digest, SigningCrypto } from './crypto/provider.js';
export { operations, type BrowserPageContents, type OperationDescriptor, type OperationId, type RequestFill } from '../generated/operations.js';
export type { BrowserPageOperationId, OperationRequest, OperationResponse, PaymentNotification, SdkOperationId, WireRequestBody } from './operation-types.js';
export type { paths, components, webhooks, operations as OperationTypes } from '../generated/schema.js';
