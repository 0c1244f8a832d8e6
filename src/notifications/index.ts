export type {
  NotificationFailureReason,
  NotificationFields,
  NotificationInput,
  NotificationKeyOptions,
  NotificationRejected,
  NotificationSchemaProblem,
  NotificationSignType,
  NotificationVerificationResult,
  NotificationVerified,
  PaymentNotification,
  VerifyNotificationOptions,
  VerifyNotificationSettings,
} from './types.js';
export { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_FIELDS } from './types.js';
export type { BillNotification, OrderPaymentNotification, RefundNotification } from './kinds.js';
export { isBillNotification, isOrderPaymentNotification, isRefundNotification, notificationKind } from './kinds.js';
export { assertNotification, verifyNotification } from './verify.js';
export type { ReturnUrlFailureReason, ReturnUrlRejected, ReturnUrlVerificationResult, ReturnUrlVerified, VerifyReturnUrlOptions } from './return-url.js';
export { verifyReturnUrl } from './return-url.js';
export type { SignNotificationOptions } from './sign.js';
export { encodeNotificationForm, signNotification } from './sign.js';
export type { ClaimOutcome, EarlyEviction, MemoryNotificationStoreOptions, NotificationStore } from './store.js';
export { DEFAULT_DEDUPE_TTL_MS, DEFAULT_IN_FLIGHT_LEASE_MS, DEFAULT_MEMORY_STORE_MAX_ENTRIES, MemoryNotificationStore } from './store.js';
export { defaultDedupeKey } from './dedupe-key.js';
export type { NotificationStoreOperation } from './store-timeout.js';
export { DEFAULT_STORE_TIMEOUT_MS, NotificationStoreTimeoutError } from './store-timeout.js';
export type {
  NotificationContext,
  NotificationErrorStage,
  NotificationHandler,
  NotificationHandlerOptions,
  NotificationHandlerSettings,
  NotificationLogger,
} from './settings.js';
export { createNotificationHandler } from './handler.js';
export { REFUSAL_HEADER, REFUSAL_STATUS } from './answers.js';
// Node adapter: typed against node:http but free of Node runtime imports, so this entry stays portable.
export type { NodeNotificationHandler, NodeNotificationRequest } from './node.js';
export { createNodeNotificationHandler } from './node.js';
export { NotificationVerificationError } from '../errors.js';
