/**
 * One hierarchy for every failure the SDK reports. Each error says what went wrong and what to
 * check; none ever carries the appKey, md5Key or an access token: messages are built from codes,
 * field names and the platform's own answer, and the constructor runs the message, `rawBody` and
 * the cause chain through the redaction (src/redaction.ts) whatever their source.
 */
import { redactCause, redactSecrets } from './redaction.js';

export interface ChinaUmsErrorDetails {
  /** Machine-readable code: the platform's errCode/respCode, or an SDK code such as `NETWORK`. */
  code: string;
  /** HTTP status of the last response, when there was one. */
  status?: number | undefined;
  /** The operationId that failed, e.g. `netpayQuery`. */
  operation?: string | undefined;
  /** How many HTTP attempts were made (1 when there was no retry). */
  attempts?: number | undefined;
  /** The response body exactly as received, when there was one. */
  rawBody?: string | undefined;
  cause?: unknown;
}

export class ChinaUmsError extends Error {
  override name = 'ChinaUmsError';
  readonly code: string;
  readonly status: number | undefined;
  readonly operation: string | undefined;
  readonly attempts: number | undefined;
  readonly rawBody: string | undefined;

  constructor(message: string, details: ChinaUmsErrorDetails) {
    super(redactSecrets(message), details.cause === undefined ? undefined : { cause: redactCause(details.cause) });
    this.code = details.code;
    this.status = details.status;
    this.operation = details.operation;
    this.attempts = details.attempts;
    this.rawBody = details.rawBody === undefined ? undefined : redactSecrets(details.rawBody);
  }

  /** A plain, secret-free view for logs and `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      code: this.code,
      status: this.status,
      operation: this.operation,
      attempts: this.attempts,
      rawBody: this.rawBody,
    };
  }
}

/** The caller's input or configuration is wrong; nothing was sent. */
export class ConfigurationError extends ChinaUmsError {
  override name = 'ConfigurationError';
  constructor(message: string, code = 'INVALID_CONFIGURATION') {
    super(message, { code });
  }
}

/** The call was rejected before the business logic: bad request body. Nothing was sent. */
export class InvalidRequestError extends ChinaUmsError {
  override name = 'InvalidRequestError';
}

/**
 * The platform processed the call and answered with a business errCode (or respCode) other
 * than its success value. `errCode: SUCCESS` is not an error; an unpaid order is not either.
 */
export class ApiError extends ChinaUmsError {
  override name = 'ApiError';
}

/** The platform's authentication layer refused the call (errCode 1000/1001, usually HTTP 412/401). */
export class AuthenticationError extends ChinaUmsError {
  override name = 'AuthenticationError';
}

/** The request's time was rejected (ABNORMAL_REQUEST_TIME, "Timestamp解析失败"): check the clock. */
export class ClockError extends AuthenticationError {
  override name = 'ClockError';
}

/** A platform-layer error that is not about authentication (9001 parameters, 9200, 9999). */
export class PlatformError extends ChinaUmsError {
  override name = 'PlatformError';
}

/** An HTTP error status without a recognizable ChinaUMS envelope (proxies, gateways, outages). */
export class HttpError extends ChinaUmsError {
  override name = 'HttpError';
}

/** The response could not be read as the JSON the operation promises. */
export class ResponseParseError extends ChinaUmsError {
  override name = 'ResponseParseError';
}

/** The connection failed before a response arrived (DNS, reset, refused). */
export class NetworkError extends ChinaUmsError {
  override name = 'NetworkError';
}

/**
 * The platform does not redirect API calls: a 3xx answer (or one a custom fetch followed) is refused,
 * never followed, so another origin's answer is never taken for the platform's. Not retried.
 */
export class RedirectError extends ChinaUmsError {
  override name = 'RedirectError';
  /** Where the answer pointed (the Location header, or the URL a custom fetch ended at); undefined when the runtime hides it. */
  readonly location: string | undefined;
  constructor(message: string, details: ChinaUmsErrorDetails & { readonly location: string | undefined }) {
    super(message, details);
    this.location = details.location;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), location: this.location };
  }
}

/** The answer was larger than the client's `maxResponseBytes`: it was cancelled, not buffered. Not retried. */
export class ResponseTooLargeError extends ChinaUmsError {
  override name = 'ResponseTooLargeError';
  /** The limit that was passed, in bytes. */
  readonly limitBytes: number;
  constructor(message: string, details: ChinaUmsErrorDetails & { readonly limitBytes: number }) {
    super(message, details);
    this.limitBytes = details.limitBytes;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), limitBytes: this.limitBytes };
  }
}

/** An attempt exceeded its timeout, or the overall deadline passed. */
export class TimeoutError extends ChinaUmsError {
  override name = 'TimeoutError';
}

/** The caller's AbortSignal fired. */
export class AbortedError extends ChinaUmsError {
  override name = 'AbortedError';
}

/** Thrown by the throwing variant of notification verification; see `reason`. */
export class NotificationVerificationError extends ChinaUmsError {
  override name = 'NotificationVerificationError';
  readonly reason: string;
  constructor(reason: string, message: string) {
    super(message, { code: reason });
    this.reason = reason;
  }
}
