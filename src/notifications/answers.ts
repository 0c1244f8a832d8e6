import type { NotificationFailureReason } from './types.js';

/**
 * The platform reads only the body: `SUCCESS` stops its retries, anything else (`FAILED`) makes
 * it retry with the same notifyId for up to 24 hours. Every refusal therefore says `FAILED`;
 * the status code is for the merchant's own logs and monitoring, and the refusal reason goes in a
 * header (a code, never the message, which could help someone probing with forged notifications).
 */
export const REFUSAL_STATUS: Readonly<Record<NotificationFailureReason, number>> = {
  'no-key': 500,
  'body-too-large': 413,
  // A body shaped to cost CPU (thousands of tiny fields) is refused like an oversized one.
  'too-many-fields': 413,
  'unsupported-content-type': 415,
  'malformed-body': 400,
  'missing-sign': 400,
  'unsupported-sign-type': 400,
  // A bad signature on a genuine notification almost always means a wrong or rotated key. FAILED
  // keeps the platform retrying for 24 hours, so once the key is fixed the payment still arrives;
  // SUCCESS would lose it for good. A forger gains nothing from either answer.
  'bad-signature': 401,
  // Authentic but not what the spec says: retrying gives time to update the spec or the SDK.
  'schema-mismatch': 422,
};

export const REFUSAL_HEADER = 'x-chinaums-refusal';

/** What the endpoint answers, before an adapter writes it (a Web Response, or res.end on Node). */
export interface NotificationAnswer {
  readonly status: number;
  readonly body: 'SUCCESS' | 'FAILED';
  readonly headers: Readonly<Record<string, string>>;
}

const TEXT = 'text/plain; charset=utf-8';

export const SUCCESS_ANSWER: NotificationAnswer = { status: 200, body: 'SUCCESS', headers: { 'content-type': TEXT } };

export function failedAnswer(status: number, refusal: string, extraHeaders?: Record<string, string>): NotificationAnswer {
  return { status, body: 'FAILED', headers: { 'content-type': TEXT, [REFUSAL_HEADER]: refusal, ...extraHeaders } };
}

export function refusalAnswer(reason: NotificationFailureReason): NotificationAnswer {
  return failedAnswer(REFUSAL_STATUS[reason], reason);
}
