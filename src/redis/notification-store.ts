import { wholeMs } from '../clamp.js';
import type { ClaimOutcome, NotificationStore } from '../notifications/store.js';
import { DEFAULT_KEY_PREFIX, evalScript, toRedisCommandClient, type RedisClientInput, type RedisCommandClient } from './command-client.js';
import { CLAIM_NOTIFICATION, DELETE_IF_EQUAL, notificationClaimValue } from './scripts.js';

export interface RedisNotificationStoreOptions {
  /** Prepended to every key (default `chinaums:`). */
  keyPrefix?: string;
}

function milliseconds(value: number): string {
  return String(wholeMs(value));
}

/**
 * Deduplicates payment notifications across instances. One key per notification,
 * `chinaums:notify:<id>`, holding `claimed:<owner>` (with the in-flight lease as its TTL) or
 * `done` (kept for the dedupe TTL). Same contract as MemoryNotificationStore (see store.ts).
 */
export class RedisNotificationStore implements NotificationStore {
  readonly #redis: RedisCommandClient;
  readonly #prefix: string;

  constructor(client: RedisClientInput, options: RedisNotificationStoreOptions = {}) {
    this.#redis = toRedisCommandClient(client);
    this.#prefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
  }

  key(id: string): string {
    return `${this.#prefix}notify:${id}`;
  }

  async claim(id: string, leaseMs: number, owner: string): Promise<ClaimOutcome> {
    const reply = await evalScript(this.#redis, CLAIM_NOTIFICATION, [this.key(id)], [milliseconds(leaseMs), notificationClaimValue(owner)]);
    if (reply === 'claimed' || reply === 'duplicate' || reply === 'in-flight') return reply;
    throw new Error(`Unexpected reply from Redis to the notification claim: ${typeof reply}`);
  }

  async complete(id: string, ttlMs: number): Promise<void> {
    await this.#redis.sendCommand(['SET', this.key(id), 'done', 'PX', milliseconds(ttlMs)]);
  }

  // Compare-and-delete in one script: a claim retaken by a retry (ours expired) stays.
  async release(id: string, owner: string): Promise<void> {
    await evalScript(this.#redis, DELETE_IF_EQUAL, [this.key(id)], [notificationClaimValue(owner)]);
  }
}
