import { randomNonce } from '../auth/nonce.js';
import type { AccessTokenStore, ReleaseLock, StoredAccessToken } from '../auth/access-token/store.js';
import { assertDenoKv, DEFAULT_DENO_KV_PREFIX, expireIn, isLive, type DenoKvKey, type DenoKvLike } from './kv.js';

export interface DenoKvStoreOptions {
  /** Leading key parts (default `['chinaums']`). Use different prefixes for test and production with one appId. */
  readonly keyPrefix?: DenoKvKey;
  /** Clock in ms (default Date.now), for tests. */
  readonly now?: () => number;
}

interface StoredLock {
  readonly owner: string;
  readonly expiresAt: number;
}

/**
 * Shares one access token per appId across Deno isolates (Deno Deploy, several local processes on
 * one `Deno.openKv(path)`). Keys: `[...prefix, 'token', appId]` holds `{ accessToken, expiresAt }`;
 * `[...prefix, 'token-lock', appId]` the refresh lock `{ owner, expiresAt }`, taken with an atomic
 * versionstamp check and deleted by its owner only. Both use `expireIn` so KV cleans them up.
 */
export class DenoKvAccessTokenStore implements AccessTokenStore {
  readonly #kv: DenoKvLike;
  readonly #prefix: DenoKvKey;
  readonly #now: () => number;

  constructor(kv: DenoKvLike, options: DenoKvStoreOptions = {}) {
    assertDenoKv(kv);
    this.#kv = kv;
    this.#prefix = options.keyPrefix ?? DEFAULT_DENO_KV_PREFIX;
    this.#now = options.now ?? Date.now;
  }

  tokenKey(appId: string): DenoKvKey {
    return [...this.#prefix, 'token', appId];
  }

  lockKey(appId: string): DenoKvKey {
    return [...this.#prefix, 'token-lock', appId];
  }

  async get(appId: string): Promise<StoredAccessToken | undefined> {
    const { value } = await this.#kv.get<Partial<StoredAccessToken>>(this.tokenKey(appId));
    if (!isLive(value, this.#now()) || typeof (value as Partial<StoredAccessToken>).accessToken !== 'string') return undefined;
    const token = value as StoredAccessToken;
    return { accessToken: token.accessToken, expiresAt: token.expiresAt };
  }

  async set(appId: string, token: StoredAccessToken): Promise<void> {
    const ttlMs = token.expiresAt - this.#now();
    if (ttlMs <= 0) return;
    await this.#kv.set(this.tokenKey(appId), { accessToken: token.accessToken, expiresAt: token.expiresAt }, { expireIn: expireIn(ttlMs) });
  }

  async invalidate(appId: string, rejectedAccessToken: string): Promise<void> {
    const key = this.tokenKey(appId);
    const entry = await this.#kv.get<Partial<StoredAccessToken>>(key);
    if (entry.value?.accessToken !== rejectedAccessToken) return;
    // A failed check means another instance stored a newer token meanwhile: it stays.
    await this.#kv.atomic().check({ key, versionstamp: entry.versionstamp }).delete(key).commit();
  }

  async tryLock(appId: string, ttlMs: number): Promise<ReleaseLock | undefined> {
    const key = this.lockKey(appId);
    const held = await this.#kv.get<StoredLock>(key);
    if (isLive(held.value, this.#now())) return undefined;
    const owner = randomNonce();
    const lock: StoredLock = { owner, expiresAt: this.#now() + ttlMs };
    const { ok } = await this.#kv.atomic().check({ key, versionstamp: held.versionstamp }).set(key, lock, { expireIn: expireIn(ttlMs) }).commit();
    if (!ok) return undefined;
    return async () => {
      const current = await this.#kv.get<StoredLock>(key);
      if (current.value?.owner !== owner) return;
      await this.#kv.atomic().check({ key, versionstamp: current.versionstamp }).delete(key).commit();
    };
  }
}
