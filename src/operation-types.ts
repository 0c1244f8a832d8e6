import type { BrowserPageContents, OperationId, operations as operationTable } from '../generated/operations.js';
import type { components, operations as operationTypes } from '../generated/schema.js';

/** Operations exposed as client methods (`x-sdk-method` is not false). */
export type SdkOperationId = {
  [K in OperationId]: (typeof operationTable)[K]['sdkMethod'] extends true ? K : never;
}[OperationId];

/** Browser pages (H5): the client method returns the signed URL instead of calling. */
export type BrowserPageOperationId = keyof BrowserPageContents & OperationId;

type JsonBody<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** The request body exactly as the spec declares it (a browser page's: its `content` order). */
export type WireRequestBody<K extends OperationId> = K extends BrowserPageOperationId
  ? BrowserPageContents[K]
  : JsonBody<NonNullable<operationTypes[K]['requestBody']>>;

/** Fields the client fills in when left out: `requestTimestamp` and the spec's `x-sdk-fill` fields. */
type FilledField<K extends OperationId> = 'requestTimestamp' | (typeof operationTable)[K]['fills'][number]['field'];

/** The request body a caller passes: the fields the client fills in may be left out. */
export type OperationRequest<K extends OperationId> = Omit<WireRequestBody<K>, FilledField<K>> &
  Partial<Pick<WireRequestBody<K>, FilledField<K> & keyof WireRequestBody<K>>>;

/** The success body of an operation, with amounts as numbers and JSON-string fields parsed; a browser page's signed URL. */
export type OperationResponse<K extends OperationId> = K extends BrowserPageOperationId
  ? string
  : operationTypes[K]['responses'] extends { 200: infer R }
    ? JsonBody<R>
    : never;

/** A decoded, verified payment notification. */
export type PaymentNotification = components['schemas']['PaymentNotification'];
