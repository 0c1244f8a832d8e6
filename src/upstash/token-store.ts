import { randomNonce } from '../auth/nonce.js';
import type { AccessTokenStore, ReleaseLock, StoredAccessToken } from '../auth/access-token/store.js';
import { DELETE_IF_EQUAL, DELETE_TOKEN_IF_CURRENT, GET_VALUE, SET_VALUE_PX, TRY_LOCK } from '../redis/scripts.js';
import { assertEvalClient, DEFAULT_UPSTASH_PREFIX, milliseconds, type UpstashEvalClient } from './client.js';

export interface UpstashStoreOptions {
  /** Prepended to every key (default `chinaums:`); the keys are those of chinaums/redis, so both can share a database. */
  readonly keyPrefix?: string;
  /** Clock in ms (default Date.now), for tests. */
  readonly now?: () => number;
}

/** @upstash/redis parses JSON replies by default; our own REST client hands over the string. */
function readToken(reply: unknown): Partial<StoredAccessToken> | undefined {
  if (typeof reply === 'object' && reply !== null) return reply as Partial<StoredAccessToken>;
  if (typeof reply !== 'string') return undefined;
  try {
    return JSON.parse(reply) as Partial<StoredAccessToken>;
  } catch {
    return undefined;
  }
}

/**
 * Shares one access token per appId over HTTP Redis (Upstash), with the key layout and Lua of
 * RedisAccessTokenStore: `<prefix>token:<appId>` (JSON, expiring with the token) and
 * `<prefix>token-lock:<appId>` (the refresh lock, deleted by its owner only).
 */
export class UpstashAccessTokenStore implements AccessTokenStore {
  readonly #redis: UpstashEvalClient;
  readonly #prefix: string;
  readonly #now: () => number;

  constructor(client: UpstashEvalClient, options: UpstashStoreOptions = {}) {
    assertEvalClient(client);
    this.#redis = client;
    this.#prefix = options.keyPrefix ?? DEFAULT_UPSTASH_PREFIX;
    this.#now = options.now ?? Date.now;
  }

  tokenKey(appId: string): string {
    return `${this.#prefix}token:${appId}`;
  }

  lockKey(appId: string): string {
    return `${this.#prefix}token-lock:${appId}`;
  }

  async get(appId: string): Promise<StoredAccessToken | undefined> {
    const token = readToken(await this.#redis.eval(GET_VALUE, [this.tokenKey(appId)], []));
    if (typeof token?.accessToken !== 'string' || typeof token.expiresAt !== 'number' || token.expiresAt <= this.#now()) return undefined;
    return { accessToken: token.accessToken, expiresAt: token.expiresAt };
  }

  async set(appId: string, token: StoredAccessToken): Promise<void> {
    const ttlMs = Math.floor(token.expiresAt - this.#now());
    if (ttlMs <= 0) return;
    const value = JSON.stringify({ accessToken: token.accessToken, expiresAt: token.expiresAt });
    await this.#redis.eval(SET_VALUE_PX, [this.tokenKey(appId)], [value, String(ttlMs)]);
  }

  async invalidate(appId: string, rejectedAccessToken: string): Promise<void> {
    await this.#redis.eval(DELETE_TOKEN_IF_CURRENT, [this.tokenKey(appId)], [rejectedAccessToken]);
  }

  async tryLock(appId: string, ttlMs: number): Promise<ReleaseLock | undefined> {
    // Not all hex digits: @upstash/redis would parse a digits-only owner into a number.
    const owner = `owner-${randomNonce()}`;
    const key = this.lockKey(appId);
    if ((await this.#redis.eval(TRY_LOCK, [key], [owner, milliseconds(ttlMs)])) !== 'locked') return undefined;
    return async () => {
      await this.#redis.eval(DELETE_IF_EQUAL, [key], [owner]);
    };
  }
}
