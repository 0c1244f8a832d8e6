// Bounds every NotificationStore call. A Redis client that queues commands while disconnected
// (ioredis' offline queue, by default) never settles them; without a bound no delivery would be
// answered and the platform's retries would pile up behind it. Past the bound the handler answers
// FAILED (503), so the platform retries later.
import { ChinaUmsError } from '../errors.js';
import type { ClaimOutcome, NotificationStore } from './store.js';

/** How long one store call may take before the delivery is answered FAILED (503). */
export const DEFAULT_STORE_TIMEOUT_MS = 3_000;

export type NotificationStoreOperation = 'claim' | 'complete' | 'release';

/** A NotificationStore call did not settle within `storeTimeoutMs`. */
export class NotificationStoreTimeoutError extends ChinaUmsError {
  override name = 'NotificationStoreTimeoutError';
  readonly storeOperation: NotificationStoreOperation;
  readonly timeoutMs: number;

  constructor(operation: NotificationStoreOperation, timeoutMs: number) {
    super(
      `The notification store's ${operation}() did not settle within ${timeoutMs} ms (storeTimeoutMs); the delivery is ` +
        'answered FAILED so the platform retries. Is the store (e.g. Redis) reachable?',
      { code: 'NOTIFICATION_STORE_TIMEOUT' },
    );
    this.storeOperation = operation;
    this.timeoutMs = timeoutMs;
  }
}

/** A store method called so that a synchronous throw becomes a rejection like any other failure. */
function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(error);
  }
}

function bounded<T>(operation: NotificationStoreOperation, pending: Promise<T>, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new NotificationStoreTimeoutError(operation, timeoutMs)), timeoutMs);
    pending.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * The same store with every call bounded by `timeoutMs` (`Infinity`: unbounded, the store as
 * is). A claim that succeeds after its delivery gave up is released again, so the platform's
 * retry need not wait for the lease to run out.
 */
export function withStoreTimeout(store: NotificationStore, timeoutMs: number): NotificationStore {
  if (timeoutMs === Infinity) return store;
  return {
    claim(id: string, leaseMs: number, owner: string): Promise<ClaimOutcome> {
      const pending = call(() => store.claim(id, leaseMs, owner));
      return bounded('claim', pending, timeoutMs).catch((error: unknown) => {
        if (error instanceof NotificationStoreTimeoutError) {
          // Nobody awaits this: a late claim is handed back, a late failure has nothing to undo.
          pending.then((outcome) => (outcome === 'claimed' ? call(() => store.release(id, owner)) : undefined)).catch(() => undefined);
        }
        throw error;
      });
    },
    complete: (id: string, ttlMs: number) => bounded('complete', call(() => store.complete(id, ttlMs)), timeoutMs),
    release: (id: string, owner: string) => bounded('release', call(() => store.release(id, owner)), timeoutMs),
  };
}
