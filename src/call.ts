import type { Client } from 'openapi-fetch';
import type { OperationDescriptor } from '../generated/operations.js';
import type { paths } from '../generated/schema.js';
import type { ReceivedValidateFunction, ValidateFunction } from '../generated/validators/types.js';
import type { Authenticator } from './auth/authenticator.js';
import type { ClockSkew } from './clock-skew.js';
import { AbortedError, AuthenticationError, ChinaUmsError, ClockError, InvalidRequestError } from './errors.js';
import type { EmitEvent, ProblemsEvent } from './observability.js';
import { attemptOnce, type AttemptRequest } from './call-attempt.js';
import { ATTEMPT_LIMIT, backoffDelay, isTransientFailure, resolveRetryPolicy, type ResolvedRetryPolicy, type RetryPolicy } from './retry.js';
import { createMerOrderId } from './order-id.js';
import { beijingDateTime } from './time.js';
import { describeValidationErrors } from './wire/validation-message.js';
import { monotonicNow, sleep } from './timeout.js';

/** Per-call options. */
export interface CallOptions {
  /** Cancels the call; the promise rejects with AbortedError. */
  signal?: AbortSignal | undefined;
  /** Timeout of each HTTP attempt for this call, ms (default: the client's `timeoutMs`). */
  timeoutMs?: number | undefined;
  /** Overall limit across attempts and backoff for this call, ms (default: the client's `deadlineMs`). */
  deadlineMs?: number | undefined;
  /**
   * Retries for this call. Operations the spec marks retry-safe (`x-retry-safe`, e.g. queries and
   * refunds) retry by default; for the others (creations, `netpayClose`, `billsPreauthCancel`, …)
   * pass `true` or a policy to opt in, knowing a repeated request may take effect twice. `false`
   * disables retries.
   */
  retry?: boolean | RetryPolicy | undefined;
}

export interface CallContext {
  /** The operation methods' openapi-fetch client: no signing middleware, each request carries its Authorization. */
  readonly client: Client<paths>;
  readonly baseUrl: string;
  /** Wall clock for the timestamps written into requests (skew-corrected when enabled). */
  readonly now: () => number;
  /** The uncorrected wall clock, to measure skew against. */
  readonly localNow: () => number;
  readonly requestValidators: Readonly<Record<string, ValidateFunction>> | undefined;
  readonly responseValidators: Readonly<Record<string, ReceivedValidateFunction>> | undefined;
  readonly authenticator: Authenticator;
  /** Largest answer body read, bytes. */
  readonly maxResponseBytes: number;
  readonly timeoutMs: number;
  readonly deadlineMs: number;
  readonly retry: RetryPolicy | false | undefined;
  readonly clockSkew: ClockSkew | undefined;
  readonly emit: EmitEvent;
  /** Problems of success answers: hooks and logger, console.warn when the client has neither (observability.ts). */
  readonly reportProblems: (event: ProblemsEvent) => void;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Fills the spec's `x-sdk-fill: order-id` fields the caller left out (e.g. a refund's
 * `refundOrderId`, the platform's idempotency key). It happens once, before the first attempt,
 * so every retry sends the same number and the platform refunds once.
 */
function fillOrderIds(op: OperationDescriptor, payload: Record<string, unknown>, now: () => number): void {
  for (const fill of op.fills) {
    if (payload[fill.field] !== undefined) continue;
    const source = payload[fill.prefixFrom];
    if (typeof source !== 'string' || !/^[0-9A-Za-z]{4}/.test(source)) {
      throw new InvalidRequestError(
        `${op.operationId}: ${fill.field} was left out, so the SDK makes one from the msgSrcId that starts ${fill.prefixFrom}; ` +
          `${fill.prefixFrom} must be a string starting with those 4 letters or digits (or pass ${fill.field} yourself).`,
        { code: 'INVALID_BODY', operation: op.operationId },
      );
    }
    payload[fill.field] = createMerOrderId({ msgSrcId: source.slice(0, 4), length: Math.min(28, fill.maxLength ?? 28), now });
  }
}

/** Checks and completes the caller's body, then serializes it: the one serialization that is signed and sent. */
export function prepareBody(op: OperationDescriptor, body: unknown, ctx: Pick<CallContext, 'now' | 'requestValidators'>): string {
  if (!isPlainObject(body)) {
    const kind = body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body;
    throw new InvalidRequestError(`${op.operationId}: the request body must be a plain object, got ${kind}.`, {
      code: 'INVALID_BODY',
      operation: op.operationId,
    });
  }
  const field = op.requestTimestampField;
  const validate = ctx.requestValidators?.[op.operationId];
  // Without a validator the caller's object is serialized as is and a missing timestamp appended
  // to the text: the same bytes as copying the object and adding the field last, minus the copy.
  // (An own toJSON would see a different `this`, so such a body takes the copying path.)
  const own = (key: string) => Object.prototype.hasOwnProperty.call(body, key);
  if (!validate && !own('toJSON') && op.fills.length === 0 && (field === null || !own(field))) {
    const json = JSON.stringify(body);
    if (field === null) return json;
    const stamp = `${JSON.stringify(field)}:${JSON.stringify(beijingDateTime(ctx.now()))}`;
    return json === '{}' ? `{${stamp}}` : `${json.slice(0, -1)},${stamp}}`;
  }
  const payload: Record<string, unknown> = { ...body };
  if (field !== null && payload[field] === undefined) payload[field] = beijingDateTime(ctx.now());
  fillOrderIds(op, payload, ctx.now);
  if (validate && !validate(payload)) {
    const reasons = describeValidationErrors(validate.errors ?? [], 5);
    throw new InvalidRequestError(`${op.operationId}: the request body does not match the spec: ${reasons}.`, {
      code: 'INVALID_BODY',
      operation: op.operationId,
    });
  }
  return JSON.stringify(payload);
}

function positive(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** The platform refused this operation's credential (not the token call's, not the clock). */
function isRefusedCredential(error: ChinaUmsError, op: OperationDescriptor): boolean {
  return (
    error instanceof AuthenticationError &&
    !(error instanceof ClockError) &&
    error.operation === op.operationId &&
    (error.code === '1000' || error.code === '1001') &&
    (error.status === 401 || error.status === 412)
  );
}

/** How long to wait before the next attempt, or undefined when the failure is final. */
function retryDelay(error: ChinaUmsError, retryAfterMs: number | undefined, policy: ResolvedRetryPolicy, attemptsSoFar: number, remainingMs: number) {
  if (attemptsSoFar >= policy.maxAttempts || !isTransientFailure(error)) return undefined;
  let delay = backoffDelay(attemptsSoFar, policy);
  if (retryAfterMs !== undefined) {
    if (retryAfterMs > policy.maxRetryAfterMs) return undefined;
    delay = Math.max(delay, retryAfterMs);
  }
  // Waiting past the deadline only to fail with a timeout would hide the real cause.
  return delay < remainingMs ? delay : undefined;
}

export interface ExecuteResult {
  readonly data: Record<string, unknown>;
  readonly status: number;
  readonly attempts: number;
}

/**
 * Runs one operation: attempts with a per-attempt timeout inside an overall deadline, retries
 * transient failures when the policy allows, and in access-token mode renews a refused token
 * once. Each attempt is signed afresh (new timestamp and nonce).
 */
export async function execute(op: OperationDescriptor, request: AttemptRequest, ctx: CallContext, options: CallOptions = {}): Promise<ExecuteResult> {
  // Resolved at the first failure: a call that succeeds at once never needs it.
  let policy: ResolvedRetryPolicy | undefined;
  const timeoutMs = positive(options.timeoutMs, ctx.timeoutMs);
  const started = monotonicNow();
  const deadlineAt = started + positive(options.deadlineMs, ctx.deadlineMs);
  const canRenewCredential = op.security.length > 0 && ctx.authenticator.reject !== undefined;
  let renewedCredential = false;
  const fail = (error: ChinaUmsError, attempts: number): never => {
    ctx.emit({ type: 'error', operation: op.operationId, attempts, durationMs: monotonicNow() - started, code: error.code, status: error.status, error });
    throw error;
  };

  // Bounded: at most maxAttempts (≤ ATTEMPT_LIMIT) regular attempts plus one credential renewal.
  for (let attempt = 1; attempt <= ATTEMPT_LIMIT + 1; attempt++) {
    // The first attempt starts with the whole deadline (no clock read needed).
    const remainingMs = attempt === 1 ? deadlineAt - started : deadlineAt - monotonicNow();
    const outcome = await attemptOnce(op, request, ctx, { attempt, signal: options.signal, timeoutMs, remainingMs });
    if (outcome.ok) return { data: outcome.data, status: outcome.status, attempts: attempt };
    const { error } = outcome;
    if (canRenewCredential && !renewedCredential && outcome.authorization !== undefined && isRefusedCredential(error, op)) {
      renewedCredential = true;
      await ctx.authenticator.reject!(outcome.authorization);
      ctx.emit({ type: 'retry', operation: op.operationId, attempt, delayMs: 0, reason: 'TOKEN_REJECTED', status: error.status });
      continue;
    }
    // Failures of the shared token call were already retried by it; repeating them here would multiply requests.
    const ownFailure = error.operation === op.operationId;
    const regularAttempts = attempt - (renewedCredential ? 1 : 0);
    policy ??= resolveRetryPolicy(op, ctx.retry, options.retry);
    const delay = ownFailure ? retryDelay(error, outcome.retryAfterMs, policy, regularAttempts, deadlineAt - monotonicNow()) : undefined;
    if (delay === undefined) return fail(error, attempt);
    ctx.emit({ type: 'retry', operation: op.operationId, attempt, delayMs: delay, reason: error.code, status: error.status });
    try {
      await sleep(delay, options.signal);
    } catch (cause) {
      return fail(new AbortedError(`${op.operationId}: aborted by the caller while waiting to retry.`, { code: 'ABORTED', operation: op.operationId, attempts: attempt, cause }), attempt);
    }
  }
  // Unreachable: the last permitted attempt either succeeds or fails above.
  throw new ChinaUmsError(`${op.operationId}: no attempt was made.`, { code: 'NO_ATTEMPT', operation: op.operationId });
}

export async function callOperation(op: OperationDescriptor, body: unknown, ctx: CallContext, options: CallOptions = {}): Promise<unknown> {
  const json = prepareBody(op, body, ctx);
  return (await execute(op, { body: json }, ctx, options)).data;
}
