/**
 * Remembers which notifications were handled, so the platform's retries (same `notifyId`, for up
 * to 24 hours) and concurrent duplicate deliveries run the callback once.
 *
 * The contract, small enough for any shared store (Redis, Deno KV, a Durable Object…); the shared
 * contract tests (test/redis/notification-store-contract.ts) check every point:
 * - `claim(id, leaseMs, owner)`, atomically: `'duplicate'` when `id` was completed (and its TTL
 *   has not run out); `'in-flight'` when another delivery holds an unexpired claim; otherwise it
 *   records a claim held by `owner` that expires after `leaseMs` (so a crashed process does not
 *   block the retries) and returns `'claimed'`. An expired claim counts as absent.
 * - `complete(id, ttlMs)`: the callback succeeded; remember `id` as done for `ttlMs`, whoever
 *   holds the claim now (the work happened, so even a delivery that outlived its lease records it).
 * - `release(id, owner)`: that delivery's callback failed; forget the claim so the next retry runs
 *   it again, but only while the claim is still `owner`'s. A delivery whose lease ran out and was
 *   claimed by a retry must not remove the retry's claim (a third delivery would then run
 *   concurrently); a completed id is never forgotten.
 * - `owner` is a fresh random token per delivery (the handler makes it); stores compare it, never
 *   interpret it. Every call may reject: the handler answers FAILED and the platform retries.
 *
 * A Redis version is three commands: `SET k claimed:<owner> NX PX leaseMs` (OK → claimed, else
 * `GET k`: `done` → duplicate, otherwise in-flight), `SET k done PX ttlMs`, and `DEL k` only while
 * the value is still `claimed:<owner>` (a compare-and-delete Lua script, or WATCH/MULTI).
 */
export type ClaimOutcome = 'claimed' | 'duplicate' | 'in-flight';

export interface NotificationStore {
  claim(id: string, leaseMs: number, owner: string): Promise<ClaimOutcome>;
  complete(id: string, ttlMs: number): Promise<void>;
  release(id: string, owner: string): Promise<void>;
}

/** The platform retries for 24 hours; an extra hour covers clock skew and slow retry schedules. */
export const DEFAULT_DEDUPE_TTL_MS = 25 * 60 * 60 * 1000;
/** How long a delivery may run the callback before a concurrent retry may try again. */
export const DEFAULT_IN_FLIGHT_LEASE_MS = 2 * 60 * 1000;

export interface MemoryNotificationStoreOptions {
  /** Most ids remembered; the least recently used go first (default 10 000). */
  readonly maxEntries?: number;
  /** Clock in ms, for tests. */
  readonly now?: () => number;
}

type Entry =
  | { readonly state: 'claimed'; readonly owner: string; readonly expiresAt: number }
  | { readonly state: 'done'; readonly expiresAt: number };

/**
 * The default store: one process's memory, bounded with LRU eviction. Enough for one server;
 * with several instances (serverless, a cluster) use a shared store such as Redis.
 */
export class MemoryNotificationStore implements NotificationStore {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: MemoryNotificationStoreOptions = {}) {
    this.#maxEntries = Math.max(1, Math.floor(options.maxEntries ?? 10_000));
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  async claim(id: string, leaseMs: number, owner: string): Promise<ClaimOutcome> {
    const now = this.#now();
    const entry = this.#entries.get(id);
    if (entry && entry.expiresAt > now) {
      this.#touch(id, entry);
      return entry.state === 'done' ? 'duplicate' : 'in-flight';
    }
    this.#set(id, { state: 'claimed', owner, expiresAt: now + leaseMs });
    return 'claimed';
  }

  async complete(id: string, ttlMs: number): Promise<void> {
    this.#set(id, { state: 'done', expiresAt: this.#now() + ttlMs });
  }

  async release(id: string, owner: string): Promise<void> {
    const entry = this.#entries.get(id);
    if (entry?.state === 'claimed' && entry.owner === owner) this.#entries.delete(id);
  }

  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  #touch(id: string, entry: Entry): void {
    this.#entries.delete(id);
    this.#entries.set(id, entry);
  }

  #set(id: string, entry: Entry): void {
    this.#touch(id, entry);
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }
}
