// One outbound call: attempts with a per-attempt timeout inside an overall deadline, safe
// retries, and one credential renewal when the platform refuses an access token.
import type { OperationDescriptor } from '../../generated/operations.js';
import { AbortedError, AuthenticationError, ChinaUmsError, ClockError } from '../errors.js';
import { clampNumber } from '../clamp.js';
import { sleep } from '../signals.js';
import { monotonicNow } from '../time.js';
import { attemptOnce, type AttemptRequest } from './attempt.js';
import type { CallContext, CallOptions } from './context.js';
import { prepareBody } from './prepare-body.js';
import { ATTEMPT_LIMIT, backoffDelay, isTransientFailure, resolveRetryPolicy, type ResolvedRetryPolicy } from './retry-policy.js';

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
  const timeoutMs = clampNumber(options.timeoutMs, ctx.timeoutMs, 1);
  const started = monotonicNow();
  const deadlineAt = started + clampNumber(options.deadlineMs, ctx.deadlineMs, 1);
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
