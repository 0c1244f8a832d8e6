import type { ClaimOutcome, NotificationStore } from '../notifications/store.js';
import { CLAIM_NOTIFICATION, DELETE_IF_EQUAL, notificationClaimValue, SET_VALUE_PX } from '../redis/scripts.js';
import { assertEvalClient, DEFAULT_UPSTASH_PREFIX, milliseconds, type UpstashEvalClient } from './client.js';
import type { UpstashStoreOptions } from './token-store.js';

/**
 * Deduplicates payment notifications over HTTP Redis (Upstash): one key per notification,
 * `<prefix>notify:<id>`, holding `claimed:<owner>` for the in-flight lease or `done` for the
 * dedupe TTL: the same keys and scripts as RedisNotificationStore. Release is a compare-and-delete
 * on `claimed:<owner>`, so it removes only the caller's own claim.
 */
export class UpstashNotificationStore implements NotificationStore {
  readonly #redis: UpstashEvalClient;
  readonly #prefix: string;

  constructor(client: UpstashEvalClient, options: Omit<UpstashStoreOptions, 'now'> = {}) {
    assertEvalClient(client);
    this.#redis = client;
    this.#prefix = options.keyPrefix ?? DEFAULT_UPSTASH_PREFIX;
  }

  key(id: string): string {
    return `${this.#prefix}notify:${id}`;
  }

  async claim(id: string, leaseMs: number, owner: string): Promise<ClaimOutcome> {
    const reply = await this.#redis.eval(CLAIM_NOTIFICATION, [this.key(id)], [milliseconds(leaseMs), notificationClaimValue(owner)]);
    if (reply === 'claimed' || reply === 'duplicate' || reply === 'in-flight') return reply;
    throw new TypeError(`Unexpected reply from Upstash to the notification claim: ${typeof reply}`);
  }

  async complete(id: string, ttlMs: number): Promise<void> {
    await this.#redis.eval(SET_VALUE_PX, [this.key(id)], ['done', milliseconds(ttlMs)]);
  }

  async release(id: string, owner: string): Promise<void> {
    await this.#redis.eval(DELETE_IF_EQUAL, [this.key(id)], [notificationClaimValue(owner)]);
  }
}
