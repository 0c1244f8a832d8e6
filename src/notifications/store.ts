import { clampNumber } from '../clamp.js';

/**
 * Remembers which notifications were handled, so the platform's retries (same `notifyId`, for up
 * to 24 hours) and concurrent duplicate deliveries run the callback once.
 *
 * The contract, small enough for any shared store (Redis, Deno KV, a Durable Object…); the shared
 * contract tests (test/stores/contract.ts, run against every store on its own runtime) check every point:
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

/** Ids the memory store keeps by default: about 190 bytes each when full, ~19 MB (bench/dedupe-memory.mjs). */
export const DEFAULT_MEMORY_STORE_MAX_ENTRIES = 100_000;

/** An id the memory store had to forget before its time (it was full). */
export interface EarlyEviction {
  /** `done`: a handled notification whose retry would now run the callback again. */
  readonly state: 'claimed' | 'done';
  /** How long the entry still had to live. */
  readonly remainingMs: number;
  /** Early evictions by this store so far. */
  readonly count: number;
  readonly maxEntries: number;
}

export interface MemoryNotificationStoreOptions {
  /** Most ids remembered; the least recently used go first (default 100 000). */
  readonly maxEntries?: number;
  /**
   * Called whenever an id is evicted before its TTL. Default: a console.warn, the first time and
   * then at most once every 10 minutes (with the count), so a full store cannot flood the log.
   */
  readonly onEarlyEviction?: (eviction: EarlyEviction) => void;
  /** Clock in ms, for tests. */
  readonly now?: () => number;
}

type Entry =
  | { readonly state: 'claimed'; readonly owner: string; readonly expiresAt: number }
  | { readonly state: 'done'; readonly expiresAt: number };

/**
 * A copy of the id that holds nothing else alive. An id cut from a request body is a V8 slice of
 * the whole body: kept as is, every remembered id would keep its ~1 KB body (measured: 1 750
 * bytes per entry instead of ~160). A JSON round trip always makes a fresh flat string (~1 µs).
 */
function ownCopy(id: string): string {
  return JSON.parse(JSON.stringify(id)) as string;
}

const WARNING_INTERVAL_MS = 10 * 60 * 1000;

/** The default early-eviction hook: throttled by the store's clock. */
function throttledWarning(now: () => number): (eviction: EarlyEviction) => void {
  let lastWarned = -Infinity;
  return (eviction) => {
    const at = now();
    if (at - lastWarned < WARNING_INTERVAL_MS) return;
    lastWarned = at;
    const hours = (eviction.remainingMs / 3_600_000).toFixed(1);
    console.warn(
      `[chinaums] MemoryNotificationStore is full (${eviction.maxEntries} ids): it forgot a ${eviction.state} notification ` +
        `${hours} h before its TTL (${eviction.count} so far), so a platform retry of it would run the callback again. ` +
        'Raise maxEntries, or use a shared store (RedisNotificationStore).',
    );
  };
}

/**
 * The default store: one process's memory, bounded with LRU eviction. Enough for one server;
 * with several instances (serverless, a cluster) use a shared store such as Redis.
 */
export class MemoryNotificationStore implements NotificationStore {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #onEarlyEviction: (eviction: EarlyEviction) => void;
  #earlyEvictions = 0;

  constructor(options: MemoryNotificationStoreOptions = {}) {
    // NaN or a string would make the bound never hold (an unbounded store): read like every numeric option.
    this.#maxEntries = Math.floor(clampNumber(options.maxEntries, DEFAULT_MEMORY_STORE_MAX_ENTRIES, 1));
    this.#now = options.now ?? Date.now;
    this.#onEarlyEviction = options.onEarlyEviction ?? throttledWarning(this.#now);
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
    this.#set(id, { state: 'claimed', owner, expiresAt: now + leaseMs }, now);
    return 'claimed';
  }

  async complete(id: string, ttlMs: number): Promise<void> {
    const now = this.#now();
    this.#set(id, { state: 'done', expiresAt: now + ttlMs }, now);
  }

  async release(id: string, owner: string): Promise<void> {
    const entry = this.#entries.get(id);
    if (entry?.state === 'claimed' && entry.owner === owner) this.#entries.delete(id);
  }

  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  // The re-inserted key is the caller's string: it is copied every time (see ownCopy).
  #touch(id: string, entry: Entry): void {
    this.#entries.delete(id);
    this.#entries.set(ownCopy(id), entry);
  }

  #set(id: string, entry: Entry, now: number): void {
    this.#touch(id, entry);
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.entries().next();
      if (oldest.done) break;
      const [oldestId, evicted] = oldest.value;
      this.#entries.delete(oldestId);
      if (evicted.expiresAt > now) this.#reportEarlyEviction(evicted, now);
    }
  }

  #reportEarlyEviction(evicted: Entry, now: number): void {
    this.#earlyEvictions++;
    const eviction: EarlyEviction = { state: evicted.state, remainingMs: evicted.expiresAt - now, count: this.#earlyEvictions, maxEntries: this.#maxEntries };
    try {
      this.#onEarlyEviction(eviction);
    } catch {
      // A failing log hook must not fail the delivery that needed the room.
    }
  }
}
