// A store whose calls never settle (a Redis client queueing forever) cannot hang a delivery: each
// call is bounded by storeTimeoutMs and the answer is FAILED (503), so the platform retries.
// Fake timers only: nothing here waits in real time.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClaimOutcome, NotificationStore } from '../../src/notifications/index.js';
import {
  createNotificationHandler,
  DEFAULT_STORE_TIMEOUT_MS,
  MemoryNotificationStore,
  NotificationStoreTimeoutError,
  REFUSAL_HEADER,
} from '../../src/notifications/index.js';
import { ConfigurationError } from '../../src/errors.js';
import { VENDOR_KEY, vendorFormBody } from '../helpers/notification-fixtures.js';

function post(): Request {
  return new Request('http://127.0.0.1/notify', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: vendorFormBody() });
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Records calls; each method answers with what the test supplies, by default never. */
function controlledStore(overrides: Partial<NotificationStore> = {}) {
  const calls: string[] = [];
  const claimCalled = deferred<void>();
  const never = () => new Promise<never>(() => undefined);
  const store: NotificationStore = {
    claim: (id, leaseMs, owner) => {
      calls.push(`claim ${owner}`);
      claimCalled.resolve();
      return overrides.claim ? overrides.claim(id, leaseMs, owner) : never();
    },
    complete: (id, ttlMs) => {
      calls.push('complete');
      return overrides.complete ? overrides.complete(id, ttlMs) : never();
    },
    release: (id, owner) => {
      calls.push(`release ${owner}`);
      return overrides.release ? overrides.release(id, owner) : never();
    },
  };
  return { store, calls, claimCalled: claimCalled.promise };
}

/** Settles a pending response, or says it is still pending, without waiting in real time. */
async function settled(pending: Promise<Response>): Promise<Response | 'pending'> {
  return Promise.race([pending, Promise.resolve().then(() => 'pending' as const)]);
}

describe('storeTimeoutMs', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a claim that never settles answers FAILED (503, store-timeout) after the default bound, without running the callback', async () => {
    const { store, claimCalled } = controlledStore();
    const onNotification = vi.fn();
    const onError = vi.fn();
    const handle = createNotificationHandler({ key: VENDOR_KEY, onNotification, store, onError });
    const pending = handle(post());
    await claimCalled;
    await vi.advanceTimersByTimeAsync(DEFAULT_STORE_TIMEOUT_MS - 1);
    expect(await settled(pending)).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    const response = await pending;
    expect(response.status).toBe(503);
    expect(await response.text()).toBe('FAILED');
    expect(response.headers.get(REFUSAL_HEADER)).toBe('store-timeout');
    expect(onNotification).not.toHaveBeenCalled();
    const [error, context] = onError.mock.calls[0]!;
    expect(error).toBeInstanceOf(NotificationStoreTimeoutError);
    expect(error).toMatchObject({ code: 'NOTIFICATION_STORE_TIMEOUT', storeOperation: 'claim', timeoutMs: DEFAULT_STORE_TIMEOUT_MS });
    expect(context).toMatchObject({ stage: 'store' });
  });

  it('the bound is configurable', async () => {
    const { store, claimCalled } = controlledStore();
    const handle = createNotificationHandler({ key: VENDOR_KEY, onNotification: () => undefined, store, storeTimeoutMs: 250, onError: () => undefined });
    const pending = handle(post());
    await claimCalled;
    await vi.advanceTimersByTimeAsync(250);
    expect((await pending).status).toBe(503);
  });

  it('a claim granted after its delivery gave up is released again (the retry need not wait for the lease)', async () => {
    const late = deferred<ClaimOutcome>();
    const { store, calls, claimCalled } = controlledStore({ claim: () => late.promise, release: () => Promise.resolve() });
    const handle = createNotificationHandler({ key: VENDOR_KEY, onNotification: () => undefined, store, onError: () => undefined });
    const pending = handle(post());
    await claimCalled;
    await vi.advanceTimersByTimeAsync(DEFAULT_STORE_TIMEOUT_MS);
    expect((await pending).status).toBe(503);
    late.resolve('claimed');
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    const owner = calls[0]!.slice('claim '.length);
    expect(calls[1]).toBe(`release ${owner}`);
  });

  it('a completion that never settles still answers SUCCESS (the callback ran) and reports the timeout', async () => {
    const { store, calls } = controlledStore({ claim: () => Promise.resolve('claimed') });
    const onError = vi.fn();
    const ran = deferred<void>();
    const handle = createNotificationHandler({ key: VENDOR_KEY, onNotification: () => ran.resolve(), store, onError });
    const pending = handle(post());
    await ran.promise;
    await vi.advanceTimersByTimeAsync(DEFAULT_STORE_TIMEOUT_MS);
    const response = await pending;
    expect([response.status, await response.text()]).toEqual([200, 'SUCCESS']);
    expect(calls).toContain('complete');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ storeOperation: 'complete' }), expect.objectContaining({ stage: 'store' }));
  });

  it('a release that never settles still answers the failed callback with FAILED (500)', async () => {
    const { store } = controlledStore({ claim: () => Promise.resolve('claimed') });
    const failed = deferred<void>();
    const handle = createNotificationHandler({
      key: VENDOR_KEY,
      store,
      onError: () => undefined,
      onNotification: () => {
        failed.resolve();
        throw new Error('database down');
      },
    });
    const pending = handle(post());
    await failed.promise;
    await vi.advanceTimersByTimeAsync(DEFAULT_STORE_TIMEOUT_MS);
    expect((await pending).status).toBe(500);
  });

  it('a store that answers in time is unaffected, and leaves no timer behind', async () => {
    const handle = createNotificationHandler({ key: VENDOR_KEY, onNotification: () => undefined, store: new MemoryNotificationStore() });
    expect((await handle(post())).status).toBe(200);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('refuses a bound that is not a positive number', () => {
    for (const storeTimeoutMs of [0, -1, Number.NaN, '5' as unknown as number]) {
      expect(() => createNotificationHandler({ key: VENDOR_KEY, onNotification: () => undefined, storeTimeoutMs })).toThrow(ConfigurationError);
    }
  });
});
