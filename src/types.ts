import type { OperationId, operations as operationTable } from '../generated/operations.js';
import type { components, operations as operationTypes } from '../generated/schema.js';

/** Operations exposed as client methods (`x-sdk-method` is not false). */
export type SdkOperationId = {
  [K in OperationId]: (typeof operationTable)[K]['sdkMethod'] extends true ? K : never;
}[OperationId];

type JsonBody<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** The request body exactly as the spec declares it. */
export type WireRequestBody<K extends OperationId> = JsonBody<NonNullable<operationTypes[K]['requestBody']>>;

/** The request body a caller passes: `requestTimestamp` may be left out and is then filled in. */
export type OperationRequest<K extends OperationId> =
  WireRequestBody<K> extends { requestTimestamp: infer T }
    ? Omit<WireRequestBody<K>, 'requestTimestamp'> & { requestTimestamp?: T }
    : WireRequestBody<K>;

/** The success body of an operation, with amounts as numbers and JSON-string fields parsed. */
export type OperationResponse<K extends OperationId> = JsonBody<operationTypes[K]['responses'][200]>;

/** A decoded, verified payment notification. */
export type PaymentNotification = components['schemas']['PaymentNotification'];
