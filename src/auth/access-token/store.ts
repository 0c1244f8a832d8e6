/**
 * Where access tokens live, so that every client of an appId (processes, serverless and edge
 * instances) shares one: ChinaUMS keeps at most 10 tokens valid per appId, and each new token
 * may invalidate an older one that another instance is still using.
 */

export interface StoredAccessToken {
  readonly accessToken: string;
  /** When the platform will stop accepting it, epoch milliseconds. */
  readonly expiresAt: number;
}

/** Releases a refresh lock; only the holder's own lock is removed. */
export type ReleaseLock = () => Promise<void>;

export interface AccessTokenStore {
  get(appId: string): Promise<StoredAccessToken | undefined>;
  set(appId: string, token: StoredAccessToken): Promise<void>;
  /** Forgets the token only if it is still `rejectedAccessToken` (a newer one stays). */
  invalidate(appId: string, rejectedAccessToken: string): Promise<void>;
  /**
   * Optional fleet-wide refresh lock: resolves to a release function when this caller may
   * fetch a new token, or undefined while another holds the lock (which expires after `ttlMs`
   * so a crashed holder cannot block the fleet). Stores without it refresh per client.
   */
  tryLock?(appId: string, ttlMs: number): Promise<ReleaseLock | undefined>;
}

export interface MemoryAccessTokenStoreOptions {
  /** Clock in ms, for tests. */
  readonly now?: () => number;
}

/** The default: one process's memory. Share one instance between clients of the same appId. */
export class MemoryAccessTokenStore implements AccessTokenStore {
  readonly #tokens = new Map<string, StoredAccessToken>();
  readonly #locks = new Map<string, { owner: object; expiresAt: number }>();
  readonly #now: () => number;

  constructor(options: MemoryAccessTokenStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
  }

  async get(appId: string): Promise<StoredAccessToken | undefined> {
    const token = this.#tokens.get(appId);
    if (token && token.expiresAt <= this.#now()) {
      this.#tokens.delete(appId);
      return undefined;
    }
    return token;
  }

  async set(appId: string, token: StoredAccessToken): Promise<void> {
    this.#tokens.set(appId, { accessToken: token.accessToken, expiresAt: token.expiresAt });
  }

  async invalidate(appId: string, rejectedAccessToken: string): Promise<void> {
    if (this.#tokens.get(appId)?.accessToken === rejectedAccessToken) this.#tokens.delete(appId);
  }

  async tryLock(appId: string, ttlMs: number): Promise<ReleaseLock | undefined> {
    const held = this.#locks.get(appId);
    if (held && held.expiresAt > this.#now()) return undefined;
    const owner = {};
    this.#locks.set(appId, { owner, expiresAt: this.#now() + ttlMs });
    return async () => {
      if (this.#locks.get(appId)?.owner === owner) this.#locks.delete(appId);
    };
  }
}
