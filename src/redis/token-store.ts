import { wholeMs } from '../clamp.js';
import { randomNonce } from '../auth/nonce.js';
import type { AccessTokenStore, ReleaseLock, StoredAccessToken } from '../auth/access-token/store.js';
import { DEFAULT_KEY_PREFIX, evalScript, toRedisCommandClient, type RedisClientInput, type RedisCommandClient } from './command-client.js';
import { DELETE_IF_EQUAL, DELETE_TOKEN_IF_CURRENT } from './scripts.js';

export interface RedisAccessTokenStoreOptions {
  /** Prepended to every key (default `chinaums:`). Use different prefixes for test and production with one appId. */
  keyPrefix?: string;
  /** Clock in ms for the token's time to live (default Date.now). */
  now?: () => number;
}

/**
 * Shares one access token per appId across processes and instances.
 *
 * Keys (with the default prefix):
 * - `chinaums:token:<appId>`: JSON `{ accessToken, expiresAt }`, expiring with the token (PX);
 * - `chinaums:token-lock:<appId>`: the refresh lock, a random owner value set with
 *   `SET NX PX ttl`, deleted by its owner only (Lua compare-and-delete); a holder that crashes
 *   leaves it to expire after the TTL.
 */
export class RedisAccessTokenStore implements AccessTokenStore {
  readonly #redis: RedisCommandClient;
  readonly #prefix: string;
  readonly #now: () => number;

  constructor(client: RedisClientInput, options: RedisAccessTokenStoreOptions = {}) {
    this.#redis = toRedisCommandClient(client);
    this.#prefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
    this.#now = options.now ?? Date.now;
  }

  tokenKey(appId: string): string {
    return `${this.#prefix}token:${appId}`;
  }

  lockKey(appId: string): string {
    return `${this.#prefix}token-lock:${appId}`;
  }

  async get(appId: string): Promise<StoredAccessToken | undefined> {
    const value = await this.#redis.sendCommand(['GET', this.tokenKey(appId)]);
    if (typeof value !== 'string') return undefined;
    try {
      const parsed = JSON.parse(value) as Partial<StoredAccessToken>;
      if (typeof parsed.accessToken !== 'string' || typeof parsed.expiresAt !== 'number') return undefined;
      return parsed.expiresAt > this.#now() ? { accessToken: parsed.accessToken, expiresAt: parsed.expiresAt } : undefined;
    } catch {
      // A value this SDK did not write: treat as absent; the next refresh overwrites it.
      return undefined;
    }
  }

  async set(appId: string, token: StoredAccessToken): Promise<void> {
    const ttlMs = Math.floor(token.expiresAt - this.#now());
    if (ttlMs <= 0) return;
    const value = JSON.stringify({ accessToken: token.accessToken, expiresAt: token.expiresAt });
    await this.#redis.sendCommand(['SET', this.tokenKey(appId), value, 'PX', String(ttlMs)]);
  }

  async invalidate(appId: string, rejectedAccessToken: string): Promise<void> {
    await evalScript(this.#redis, DELETE_TOKEN_IF_CURRENT, [this.tokenKey(appId)], [rejectedAccessToken]);
  }

  async tryLock(appId: string, ttlMs: number): Promise<ReleaseLock | undefined> {
    const owner = randomNonce();
    const key = this.lockKey(appId);
    const reply = await this.#redis.sendCommand(['SET', key, owner, 'NX', 'PX', String(wholeMs(ttlMs))]);
    if (reply !== 'OK') return undefined;
    return async () => {
      await evalScript(this.#redis, DELETE_IF_EQUAL, [key], [owner]);
    };
  }
}
