import { clampNumber } from '../../clamp.js';
import { ChinaUmsError, TimeoutError } from '../../errors.js';
import type { EmitEvent } from '../../observability.js';
import { redactSecrets, rememberSecret } from '../../redaction.js';
import { raceAbort, sleep } from '../../signals.js';
import { monotonicNow } from '../../time.js';
import type { AccessTokenStore, ReleaseLock, StoredAccessToken } from './store.js';

/** What one token request returned. */
export interface FetchedAccessToken {
  readonly accessToken: string;
  readonly expiresInSeconds: number;
}

export interface TokenLockOptions {
  /** How long a refresh lock lives if its holder dies before releasing it (default 10 000 ms). */
  ttlMs?: number;
  /** How long a caller waits for another instance's refresh before giving up (default 2 × ttlMs + 5 000 ms). */
  maxWaitMs?: number;
  /** First poll interval while waiting; it doubles (with jitter) up to pollMaxMs (defaults 25 / 500 ms). */
  pollMinMs?: number;
  pollMaxMs?: number;
}

export interface AccessTokenCacheOptions {
  readonly appId: string;
  readonly store: AccessTokenStore;
  /** Requests a new token from the platform (the client's token call, with its timeouts and retries). */
  readonly fetchToken: () => Promise<FetchedAccessToken>;
  /** Wall clock, epoch ms: token expiry is shared between hosts. */
  readonly now: () => number;
  /** Refresh this long before the platform's expiry (default 60 000 ms). */
  readonly refreshMarginMs?: number | undefined;
  readonly lock?: TokenLockOptions | undefined;
  readonly emit?: EmitEvent | undefined;
}

export const DEFAULT_REFRESH_MARGIN_MS = 60_000;
export const DEFAULT_LOCK_TTL_MS = 10_000;
/** Hard bound on store round trips per refresh, whatever the timing options say. */
const MAX_REFRESH_ROUNDS = 1_000;

/**
 * One appId's token: served from memory while fresh, otherwise from the shared store, otherwise
 * fetched by exactly one caller. Concurrent callers of one client share a single refresh
 * (single-flight); clients on other hosts share it through the store's lock.
 */
export class AccessTokenCache {
  readonly #options: AccessTokenCacheOptions;
  readonly #marginMs: number;
  readonly #lockTtlMs: number;
  readonly #maxWaitMs: number;
  readonly #pollMinMs: number;
  readonly #pollMaxMs: number;
  #current: StoredAccessToken | undefined;
  #refresh: Promise<StoredAccessToken> | undefined;
  /** The last token the platform refused: never taken back from a slow or stale store. */
  #rejected: string | undefined;

  constructor(options: AccessTokenCacheOptions) {
    this.#options = options;
    this.#marginMs = clampNumber(options.refreshMarginMs, DEFAULT_REFRESH_MARGIN_MS, 0);
    this.#lockTtlMs = clampNumber(options.lock?.ttlMs, DEFAULT_LOCK_TTL_MS, 1);
    this.#maxWaitMs = clampNumber(options.lock?.maxWaitMs, 2 * this.#lockTtlMs + 5_000, 0);
    this.#pollMinMs = clampNumber(options.lock?.pollMinMs, 25, 1);
    this.#pollMaxMs = clampNumber(options.lock?.pollMaxMs, 500, this.#pollMinMs);
  }

  /**
   * A token that is valid for at least the refresh margin: at once while the one in memory is
   * fresh, else a promise. `signal` abandons the wait, not the shared refresh.
   */
  get(signal?: AbortSignal): string | Promise<string> {
    const current = this.#current;
    if (current && this.#usable(current)) return current.accessToken;
    return this.#refreshed(signal);
  }

  async #refreshed(signal: AbortSignal | undefined): Promise<string> {
    if (!this.#refresh) {
      const refresh = this.#obtain().finally(() => {
        if (this.#refresh === refresh) this.#refresh = undefined;
      });
      this.#refresh = refresh;
    }
    return (await raceAbort(this.#refresh, signal)).accessToken;
  }

  /** The platform refused `accessToken`: drop it here and in the store (only if nobody replaced it yet). */
  async reject(accessToken: string): Promise<void> {
    this.#rejected = accessToken;
    if (this.#current?.accessToken === accessToken) this.#current = undefined;
    this.#options.emit?.({ type: 'token', action: 'rejected', appId: this.#options.appId, expiresInSeconds: undefined });
    // `#rejected` already keeps the refused token from coming back: a failed delete only delays the others' refresh.
    await this.#storeWrite('invalidate', () => this.#options.store.invalidate(this.#options.appId, accessToken));
  }

  #usable(token: StoredAccessToken | undefined): token is StoredAccessToken {
    return token !== undefined && token.accessToken !== this.#rejected && token.expiresAt - this.#options.now() > this.#marginMs;
  }

  async #obtain(): Promise<StoredAccessToken> {
    const { store, appId } = this.#options;
    const waitUntil = monotonicNow() + this.#maxWaitMs;
    for (let round = 0; round < MAX_REFRESH_ROUNDS; round++) {
      const shared = await this.#store('get', () => store.get(appId));
      if (this.#usable(shared)) return this.#adopt(shared, 'shared');
      const release: ReleaseLock | undefined = store.tryLock ? await this.#lock(store.tryLock.bind(store)) : async () => undefined;
      if (release) {
        try {
          // Another instance may have stored a token and released the lock between our read and
          // taking it: read again (one GET per refresh) rather than spend one of the 10 tokens.
          const again = store.tryLock ? await this.#store('get', () => store.get(appId)) : undefined;
          if (this.#usable(again)) return this.#adopt(again, 'shared');
          return await this.#fetchAndStore();
        } finally {
          await release().catch(() => undefined);
        }
      }
      if (monotonicNow() >= waitUntil) break;
      const ceiling = Math.min(this.#pollMaxMs, this.#pollMinMs * 2 ** Math.min(round, 16));
      await sleep(Math.min(ceiling / 2 + Math.random() * (ceiling / 2), Math.max(0, waitUntil - monotonicNow())));
    }
    throw new TimeoutError(
      `accessToken: another instance held the refresh lock for more than ${this.#maxWaitMs} ms without storing a token; check the token store and the instances sharing it.`,
      { code: 'TOKEN_LOCK_TIMEOUT', operation: 'accessToken' },
    );
  }

  async #fetchAndStore(): Promise<StoredAccessToken> {
    const fetched = await this.#options.fetchToken();
    // Known before the store sees it: a store client that quotes its command in an error is redacted.
    rememberSecret(fetched.accessToken, 'token');
    const token: StoredAccessToken = { accessToken: fetched.accessToken, expiresAt: this.#options.now() + fetched.expiresInSeconds * 1000 };
    // A token the store would not take is still valid: throwing it away would turn a partial store
    // failure into an outage that spends one of the appId's 10 tokens per call. It lives in memory.
    await this.#storeWrite('set', () => this.#options.store.set(this.#options.appId, token));
    return this.#adopt(token, 'fetched');
  }

  #adopt(token: StoredAccessToken, action: 'fetched' | 'shared'): StoredAccessToken {
    rememberSecret(token.accessToken, 'token');
    this.#current = token;
    const expiresInSeconds = Math.max(0, Math.round((token.expiresAt - this.#options.now()) / 1000));
    this.#options.emit?.({ type: 'token', action, appId: this.#options.appId, expiresInSeconds });
    return token;
  }

  /**
   * Runs a store operation. A failing store is reported by its message only: client errors
   * (ioredis keeps the command's arguments on the error) could otherwise carry a token into logs.
   */
  async #store<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (cause) {
      if (cause instanceof ChinaUmsError) throw cause;
      throw new ChinaUmsError(`accessToken: the token store failed (${what}: ${storeReason(cause)}); check the token store's connection (not the platform's).`, {
        code: 'TOKEN_STORE_FAILED',
        operation: 'accessToken',
      });
    }
  }

  /** A write the client can do without: a failure is a warning event, never the call's failure. */
  async #storeWrite(what: 'set' | 'invalidate', run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (cause) {
      this.#warnStoreFailed(what, cause);
    }
  }

  /**
   * The fleet lock, or none when the store cannot take one (a read-only replica refuses the lock's
   * SET too): this client then refreshes on its own, as with a store without locking, rather than fail.
   */
  async #lock(tryLock: NonNullable<AccessTokenStore['tryLock']>): Promise<ReleaseLock | undefined> {
    try {
      return await tryLock(this.#options.appId, this.#lockTtlMs);
    } catch (cause) {
      this.#warnStoreFailed('lock', cause);
      return async () => undefined;
    }
  }

  #warnStoreFailed(what: string, cause: unknown): void {
    const reason = `${what}: ${storeReason(cause)}`;
    this.#options.emit?.({ type: 'token', action: 'store-failed', appId: this.#options.appId, expiresInSeconds: undefined, reason });
  }
}

/** A store failure's message, redacted before it is shortened (a cut could leave part of a token). */
function storeReason(cause: unknown): string {
  const reason = cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : 'unknown error';
  return redactSecrets(reason).slice(0, 200);
}
