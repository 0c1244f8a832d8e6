import type { ClaimOutcome, NotificationStore } from '../notifications/store.js';
import { assertDenoKv, DEFAULT_DENO_KV_PREFIX, expireIn, isLive, type DenoKvKey, type DenoKvLike } from './kv.js';
import type { DenoKvStoreOptions } from './token-store.js';

type Mark = { readonly state: 'claimed'; readonly owner: string; readonly expiresAt: number } | { readonly state: 'done'; readonly expiresAt: number };

/** A commit fails only when another delivery wrote the key; the next read then sees its mark. */
const CLAIM_ATTEMPTS = 5;

/**
 * Deduplicates payment notifications across Deno isolates: one key per notification,
 * `[...prefix, 'notify', id]`, holding a claim `{ state: 'claimed', owner, expiresAt }` for the
 * in-flight lease or `{ state: 'done', expiresAt }` for the dedupe TTL. The claim is an atomic
 * versionstamp check-and-set; release deletes the claim only while it still holds the caller's
 * owner token, in an atomic versionstamp check (a delivery whose lease ran out cannot free a
 * newer delivery's claim).
 */
export class DenoKvNotificationStore implements NotificationStore {
  readonly #kv: DenoKvLike;
  readonly #prefix: DenoKvKey;
  readonly #now: () => number;

  constructor(kv: DenoKvLike, options: DenoKvStoreOptions = {}) {
    assertDenoKv(kv);
    this.#kv = kv;
    this.#prefix = options.keyPrefix ?? DEFAULT_DENO_KV_PREFIX;
    this.#now = options.now ?? Date.now;
  }

  key(id: string): DenoKvKey {
    return [...this.#prefix, 'notify', id];
  }

  async claim(id: string, leaseMs: number, owner: string): Promise<ClaimOutcome> {
    const key = this.key(id);
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      const entry = await this.#kv.get<Mark>(key);
      if (isLive(entry.value, this.#now())) return entry.value.state === 'done' ? 'duplicate' : 'in-flight';
      const mark: Mark = { state: 'claimed', owner, expiresAt: this.#now() + leaseMs };
      const { ok } = await this.#kv.atomic().check({ key, versionstamp: entry.versionstamp }).set(key, mark, { expireIn: expireIn(leaseMs) }).commit();
      if (ok) return 'claimed';
    }
    // Still contended: someone else is writing this id; never run the callback on a guess.
    return 'in-flight';
  }

  async complete(id: string, ttlMs: number): Promise<void> {
    const mark: Mark = { state: 'done', expiresAt: this.#now() + ttlMs };
    await this.#kv.set(this.key(id), mark, { expireIn: expireIn(ttlMs) });
  }

  async release(id: string, owner: string): Promise<void> {
    const key = this.key(id);
    const entry = await this.#kv.get<Mark>(key);
    if (entry.value?.state !== 'claimed' || entry.value.owner !== owner) return;
    // A failed commit means someone wrote the key since the read: it is no longer our claim.
    await this.#kv.atomic().check({ key, versionstamp: entry.versionstamp }).delete(key).commit();
  }
}
