import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operations } from '../../generated/operations.js';
import { backoffDelay, DEFAULT_RETRY_POLICY, isTransientFailure, parseRetryAfter, resolveRetryPolicy } from '../../src/client/retry-policy.js';
import { ApiError, AuthenticationError, HttpError, NetworkError, PlatformError, ResponseParseError, TimeoutError } from '../../src/index.js';

describe('which calls may be retried comes from the spec (x-retry-safe)', () => {
  it.each([
    ['accessToken', 3],
    ['netpayQuery', 3],
    ['netpayRefundQuery', 3],
    ['billsPreauthCancel', 1],
    ['payPointOrderSync', 1],
  ] as const)('%s → %i attempts by default', (operationId, attempts) => {
    expect(resolveRetryPolicy(operations[operationId], undefined, undefined).maxAttempts).toBe(attempts);
  });

  it('an unsafe operation retries only when the call opts in', () => {
    const cancel = operations.billsPreauthCancel;
    expect(resolveRetryPolicy(cancel, undefined, true).maxAttempts).toBe(3);
    expect(resolveRetryPolicy(cancel, { maxAttempts: 4 }, true).maxAttempts).toBe(4);
    expect(resolveRetryPolicy(cancel, undefined, { maxAttempts: 2 }).maxAttempts).toBe(2);
    expect(resolveRetryPolicy(cancel, { maxAttempts: 5 }, undefined).maxAttempts).toBe(1);
  });

  it('retry: false turns retries off, per client or per call; attempts stay bounded', () => {
    const query = operations.netpayQuery;
    expect(resolveRetryPolicy(query, false, undefined).maxAttempts).toBe(1);
    expect(resolveRetryPolicy(query, undefined, false).maxAttempts).toBe(1);
    expect(resolveRetryPolicy(query, false, true).maxAttempts).toBe(3);
    expect(resolveRetryPolicy(query, { maxAttempts: 1_000 }, undefined).maxAttempts).toBe(10);
    expect(resolveRetryPolicy(query, { maxAttempts: Number.NaN }, undefined).maxAttempts).toBe(3);
  });
});

describe('transient failures', () => {
  const d = { operation: 'netpayQuery', attempts: 1 };
  it.each([
    [new NetworkError('x', { ...d, code: 'NETWORK' }), true],
    [new TimeoutError('x', { ...d, code: 'TIMEOUT' }), true],
    [new TimeoutError('x', { ...d, code: 'DEADLINE_EXCEEDED' }), false],
    [new HttpError('x', { ...d, code: 'HTTP_502', status: 502 }), true],
    [new PlatformError('x', { ...d, code: '9200', status: 412 }), true],
    [new PlatformError('x', { ...d, code: '9001', status: 412 }), false],
    [new PlatformError('x', { ...d, code: '9999', status: 200 }), false],
    [new HttpError('x', { ...d, code: 'HTTP_404', status: 404 }), false],
    [new AuthenticationError('x', { ...d, code: '1000', status: 412 }), false],
    [new ApiError('x', { ...d, code: 'NO_ORDER', status: 200 }), false],
    [new ResponseParseError('x', { ...d, code: 'INVALID_JSON', status: 200 }), false],
    [new Error('not ours'), false],
  ])('%s → %s', (error, transient) => {
    expect(isTransientFailure(error)).toBe(transient);
  });
});

describe('backoff: exponential with full jitter and a cap', () => {
  it('stays in [0, min(cap, base·2^(n-1)))', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 60_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, base, cap, r) => {
        const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: base, maxDelayMs: cap, random: () => r };
        const delay = backoffDelay(n, policy);
        const ceiling = Math.min(cap, base * 2 ** (n - 1));
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(Math.max(0, ceiling));
        if (ceiling > 0) expect(delay).toBeLessThan(ceiling);
      }),
    );
  });

  it('grows with the retry number until the cap', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 350, random: () => 0.5 };
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy))).toEqual([50, 100, 175, 175]);
  });
});

describe('Retry-After', () => {
  const now = Date.UTC(2024, 0, 1, 12, 0, 0);
  it.each([
    ['3', 3_000],
    ['0', 0],
    [' 120 ', 120_000],
    [new Date(now + 7_000).toUTCString(), 7_000],
    [new Date(now - 7_000).toUTCString(), 0],
    ['1.5', undefined],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ])('%j → %s ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
