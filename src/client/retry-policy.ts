// When to try a call again, and how long to wait first. Whether an operation may be repeated at
// all comes from the spec (`x-retry-safe` → `op.retrySafe`); nothing here names an endpoint.
import type { OperationDescriptor } from '../../generated/operations.js';
import { clampNumber } from '../clamp.js';
import { ChinaUmsError, NetworkError, PlatformError, RedirectError, ResponseTooLargeError, TimeoutError } from '../errors.js';

export interface RetryPolicy {
  /** Total attempts, the first included (default 3). 1 disables retries. */
  maxAttempts?: number;
  /** Backoff base: retry n waits a random time in [0, min(maxDelayMs, baseDelayMs · 2^(n-1))) (default 200). */
  baseDelayMs?: number;
  /** Backoff cap (default 5 000). */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this ends the retries instead of waiting (default 30 000). */
  maxRetryAfterMs?: number;
  /** Source of jitter in [0, 1); replaceable for tests (default Math.random). */
  random?: () => number;
}

export type ResolvedRetryPolicy = Required<RetryPolicy>;

export const DEFAULT_RETRY_POLICY: Readonly<ResolvedRetryPolicy> = Object.freeze({
  maxAttempts: 3,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
  random: Math.random,
});

/** Upper bound on attempts whatever the caller asks for: loops stay bounded. */
export const ATTEMPT_LIMIT = 10;

function merge(...policies: Array<RetryPolicy | undefined>): ResolvedRetryPolicy {
  const p: RetryPolicy = Object.assign({}, ...policies.filter(Boolean));
  return {
    maxAttempts: Math.floor(clampNumber(p.maxAttempts, DEFAULT_RETRY_POLICY.maxAttempts, 1, ATTEMPT_LIMIT)),
    baseDelayMs: clampNumber(p.baseDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs, 0, 3_600_000),
    maxDelayMs: clampNumber(p.maxDelayMs, DEFAULT_RETRY_POLICY.maxDelayMs, 0, 3_600_000),
    maxRetryAfterMs: clampNumber(p.maxRetryAfterMs, DEFAULT_RETRY_POLICY.maxRetryAfterMs, 0, 3_600_000),
    random: typeof p.random === 'function' ? p.random : DEFAULT_RETRY_POLICY.random,
  };
}

/**
 * The policy for one call. Operations the spec marks retry-safe use the client's policy; the
 * others (a cancel, an order sync) are attempted once unless the caller opts in for this call
 * with `retry: true` or a policy. `retry: false` turns retries off for any operation.
 */
export function resolveRetryPolicy(
  op: OperationDescriptor,
  clientPolicy: RetryPolicy | false | undefined,
  callRetry: boolean | RetryPolicy | undefined,
): ResolvedRetryPolicy {
  const base = clientPolicy === false ? undefined : clientPolicy;
  if (callRetry === false) return merge(base, { maxAttempts: 1 });
  if (callRetry === true) return merge(base);
  if (typeof callRetry === 'object' && callRetry !== null) return merge(base, callRetry);
  if (op.retrySafe && clientPolicy !== false) return merge(base);
  return merge(base, { maxAttempts: 1 });
}

/**
 * Failures that say nothing about the request itself and may pass: the connection, an attempt
 * timeout (not the overall deadline), HTTP 5xx, and the platform's sporadic 9200.
 */
export function isTransientFailure(error: unknown): boolean {
  if (!(error instanceof ChinaUmsError)) return false;
  // Refused answers, whatever their status: a redirect or an oversized body would come back the same.
  if (error instanceof RedirectError || error instanceof ResponseTooLargeError) return false;
  if (error instanceof NetworkError) return true;
  if (error instanceof TimeoutError) return error.code === 'TIMEOUT';
  if (error instanceof PlatformError && error.code === '9200') return true;
  return error.status !== undefined && error.status >= 500 && error.status <= 599;
}

/** Exponential backoff with full jitter: spreads a fleet's retries instead of synchronizing them. */
export function backoffDelay(retryNumber: number, policy: ResolvedRetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retryNumber - 1));
  return Math.floor(Math.min(0.999999, Math.max(0, policy.random())) * ceiling);
}

/**
 * Parses `Retry-After` as delta-seconds or an HTTP date; milliseconds from `nowMs`, never
 * negative, or undefined when absent or malformed.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : undefined;
}
